package io.smsgw.api.web;

/**
 * The request clashes with the current state (a tenant that exists, a message already sent);
 * answered 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
