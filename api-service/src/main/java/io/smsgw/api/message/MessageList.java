package io.smsgw.api.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of {@code GET /v1/messages}, newest first.
 *
 * @param items the messages of this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
public record MessageList(List<Item> items, String nextCursor) {

	/** A message in a list (without its history). */
	public record Item(UUID id, String to, String from, String status, String messageType, int segments,
			String clientReference, Instant acceptedAt, Instant sendAt) {
	}

}
