package io.smsgw.api.suppression;

import java.time.Instant;

/**
 * A number on a tenant's suppression list: messages to it are refused.
 *
 * @param number the E.164 number
 * @param source {@code keyword} (the number's owner sent a STOP keyword) or {@code api}
 * @param keyword the keyword that suppressed it, when the source is {@code keyword}
 * @param suppressedAt since when it is suppressed
 * @param updatedAt the last change
 */
public record SuppressionView(String number, String source, String keyword, Instant suppressedAt,
		Instant updatedAt) {
}
