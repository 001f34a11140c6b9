package io.smsgw.api.message;

/**
 * Body of {@code POST /v1/messages/preview}: a message to size up without sending it.
 *
 * @param to destination (optional; checked when given)
 * @param from sender id (optional; checked when given)
 * @param body the text
 * @param transliterate as on {@code POST /v1/messages}: optional, the tenant's setting when absent
 */
public record PreviewRequest(String to, String from, String body, Boolean transliterate) {
}
