package io.smsgw.api.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as {@code GET /v1/messages/{id}} shows it, with its status history in order.
 */
public record MessageView(UUID id, String to, String from, String status, String encoding, int segments,
		Instant acceptedAt, String errorCode, List<HistoryEntry> history) {

	/** One status the message reached. */
	public record HistoryEntry(String status, Instant at, String errorCode, String detail) {
	}

}
