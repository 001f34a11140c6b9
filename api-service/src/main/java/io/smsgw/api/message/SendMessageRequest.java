package io.smsgw.api.message;

/**
 * Body of {@code POST /v1/messages}. Unknown fields are rejected.
 *
 * @param to destination number, international or national to the tenant's default region
 * @param from sender id: E.164 number, short code or alphanumeric
 * @param body the text
 * @param callbackUrl where status callbacks go (optional)
 */
public record SendMessageRequest(String to, String from, String body, String callbackUrl) {
}
