package io.smsgw.api.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;

/**
 * A position in a list sorted by time and id, newest first: opaque to callers (base64url of the
 * last item's time and id). Also reads the {@code cursor} and {@code limit} query parameters.
 *
 * @param at the last item's time
 * @param id the last item's id
 */
public record PageCursor(Instant at, String id) {

	/** Items per page when the request names no limit. */
	public static final int DEFAULT_LIMIT = 20;

	/** Most items per page. */
	public static final int MAX_LIMIT = 100;

	private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

	public String encode() {
		String raw = this.at.getEpochSecond() + "." + this.at.getNano() + "." + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor, or {@code null} when the text is not one this service made. */
	public static PageCursor decode(String text) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			String[] parts = raw.split("\\.", 3);
			if (parts.length != 3 || parts[2].isEmpty() || parts[2].length() > 64
					|| parts[2].chars().anyMatch((c) -> Character.isISOControl(c) || c == 0xFFFD)) {
				// no id this service made holds control characters (PostgreSQL refuses NUL) or undecodable bytes
				return null;
			}
			long nanos = Long.parseLong(parts[1]);
			if (nanos < 0 || nanos > 999_999_999) {
				return null;
			}
			Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
			return (!at.isBefore(MIN) && at.isBefore(MAX)) ? new PageCursor(at, parts[2]) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The {@code cursor} and {@code limit} query parameters, checked together.
	 * @throws InvalidRequestException naming each wrong one
	 */
	public static Page read(String cursor, String limit) {
		List<FieldProblem> problems = new ArrayList<>();
		PageCursor after = null;
		if (cursor != null) {
			after = decode(cursor);
			if (after == null) {
				problems.add(new FieldProblem("cursor", "is not a cursor of this list"));
			}
		}
		int size = limit(limit, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new Page(after, size);
	}

	/**
	 * The {@code limit} query parameter of every list: {@link #DEFAULT_LIMIT} when absent, else 1
	 * to {@link #MAX_LIMIT}; a wrong one adds its problem.
	 */
	public static int limit(String limit, List<FieldProblem> problems) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		int size;
		try {
			size = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			size = -1;
		}
		if (size < 1 || size > MAX_LIMIT) {
			problems.add(new FieldProblem("limit", "must be 1 to " + MAX_LIMIT));
		}
		return size;
	}

	/** Where a page starts ({@code null}: at the newest) and how many items it holds. */
	public record Page(PageCursor after, int limit) {
	}

}
