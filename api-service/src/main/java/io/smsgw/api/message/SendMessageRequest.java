package io.smsgw.api.message;

/**
 * Body of {@code POST /v1/messages} and one item of a batch. Unknown fields are rejected.
 *
 * @param to destination number, international or national to the tenant's default region
 * @param from sender id: E.164 number, short code or alphanumeric
 * @param body the text
 * @param callbackUrl where status callbacks go (optional)
 * @param validityPeriod seconds the network should keep trying (optional; not with validUntil)
 * @param validUntil ISO-8601 instant after which the network should give up (optional)
 * @param messageType {@code transactional} (default) or {@code marketing}
 * @param clientReference the tenant's own reference, at most 128 characters (optional)
 * @param sendAt ISO-8601 instant to send at (optional; now when absent or past)
 */
public record SendMessageRequest(String to, String from, String body, String callbackUrl, Long validityPeriod,
		String validUntil, String messageType, String clientReference, String sendAt) {

	/** A message with no options. */
	public SendMessageRequest(String to, String from, String body, String callbackUrl) {
		this(to, from, body, callbackUrl, null, null, null, null, null);
	}

}
