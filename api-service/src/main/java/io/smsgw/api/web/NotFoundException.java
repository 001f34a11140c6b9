package io.smsgw.api.web;

/**
 * Something the caller asked for does not exist for its tenant; answered 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
