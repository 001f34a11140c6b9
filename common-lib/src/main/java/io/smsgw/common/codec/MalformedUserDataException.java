package io.smsgw.common.codec;

/**
 * User data or a user data header that cannot be read (lengths beyond the data). Inbound
 * messages that raise it are reported or dead-lettered, never allowed to stop a consumer.
 */
public class MalformedUserDataException extends IllegalArgumentException {

	public MalformedUserDataException(String message) {
		super(message);
	}

}
