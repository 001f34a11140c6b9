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
 * @param transliterate whether to replace typographic characters by GSM equivalents so that the text
 * stays GSM-7 (optional; the tenant's setting when absent)
 */
public record SendMessageRequest(String to, String from, String body, String callbackUrl, Long validityPeriod,
		String validUntil, String messageType, String clientReference, String sendAt, Boolean transliterate) {

	/** A message with the tenant's transliteration setting. */
	public SendMessageRequest(String to, String from, String body, String callbackUrl, Long validityPeriod,
			String validUntil, String messageType, String clientReference, String sendAt) {
		this(to, from, body, callbackUrl, validityPeriod, validUntil, messageType, clientReference, sendAt, null);
	}

	/** A message with no options. */
	public SendMessageRequest(String to, String from, String body, String callbackUrl) {
		this(to, from, body, callbackUrl, null, null, null, null, null);
	}

}
