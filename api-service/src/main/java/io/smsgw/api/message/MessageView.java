package io.smsgw.api.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as {@code GET /v1/messages/{id}} shows it, with its status history in order.
 *
 * @param body the text as sent (after transliteration, when it was on)
 * @param segments the parts the message is sent in
 * @param price what the message cost (the route's price per part times the parts sent), once it
 * was sent through a route with a price; {@code null} before or without one
 */
public record MessageView(UUID id, String to, String from, String body, String status, String messageType,
		String encoding, int segments, String clientReference, Instant acceptedAt, Instant sendAt, Instant validUntil,
		String errorCode, BigDecimal price, List<HistoryEntry> history) {

	/** One status the message reached. */
	public record HistoryEntry(String status, Instant at, String errorCode, String detail) {
	}

}
