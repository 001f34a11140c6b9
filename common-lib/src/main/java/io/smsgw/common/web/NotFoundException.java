package io.smsgw.common.web;

/** Something that does not exist, or belongs to another tenant: answered 404, the same either way. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
