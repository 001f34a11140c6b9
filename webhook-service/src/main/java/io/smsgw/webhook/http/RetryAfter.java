package io.smsgw.webhook.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses a {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP date.
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/** The delay it asks for (zero for a date in the past), or {@code null} if absent or unreadable. */
	public static Duration parse(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.chars().allMatch(Character::isDigit)) {
			if (text.length() > 9) {
				return null;
			}
			return Duration.ofSeconds(Long.parseLong(text));
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(now, at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
