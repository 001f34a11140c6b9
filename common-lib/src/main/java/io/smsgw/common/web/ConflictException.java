package io.smsgw.common.web;

/** A request that clashes with the current state (a duplicate id, a message already sent): 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
