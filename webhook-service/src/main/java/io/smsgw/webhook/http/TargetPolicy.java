package io.smsgw.webhook.http;

import java.net.URI;

/**
 * Decides whether a callback URL may be called at all: absolute http(s) URLs without
 * credentials ({@link HttpSchemeTargetPolicy}), not resolving to private, loopback or
 * link-local addresses unless allow-listed ({@link PrivateAddressTargetPolicy}).
 */
public interface TargetPolicy {

	/**
	 * The URI to call.
	 * @throws RejectedTargetException when the URL must not be called (a permanent failure)
	 */
	URI check(String url);

	/** A callback URL that must not be called; retrying does not help. */
	class RejectedTargetException extends RuntimeException {

		public RejectedTargetException(String reason) {
			super(reason);
		}

	}

}
