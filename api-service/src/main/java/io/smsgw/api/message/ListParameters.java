package io.smsgw.api.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smsgw.api.message.MessageQuery.Cursor;
import io.smsgw.api.message.MessageQuery.Filter;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * The query parameters of {@code GET /v1/messages}, checked: every wrong one is reported at once.
 */
record ListParameters(Filter filter, Cursor cursor, int limit) {

	static ListParameters read(String status, String to, String from, String since, String until,
			String clientReference, String cursor, String limit, String defaultRegion) {
		List<FieldProblem> problems = new ArrayList<>();
		if (hasControl(from) || hasControl(clientReference)) {
			problems.add(new FieldProblem(hasControl(from) ? "from" : "clientReference",
					"must not contain control characters"));
			from = null;
			clientReference = null;
		}
		String storedStatus = null;
		if (status != null) {
			storedStatus = status.strip().toUpperCase(Locale.ROOT);
			if (!MessageQuery.STATUSES.contains(storedStatus)) {
				problems.add(new FieldProblem("status", "must be one of "
						+ MessageQuery.STATUSES.stream().map(MessageStore::label).sorted().toList()));
			}
		}
		String recipient = null;
		if (to != null) {
			recipient = PhoneNumbers.toE164(to, defaultRegion).orElse(null);
			if (recipient == null) {
				problems.add(new FieldProblem("to", "is not a valid phone number"));
			}
		}
		String sender = (from != null) ? SenderIds.normalize(from).orElse(from.strip()) : null;
		Instant sinceAt = instant(since, "since", problems);
		Instant untilAt = instant(until, "until", problems);
		Cursor after = null;
		if (cursor != null) {
			after = Cursor.decode(cursor);
			if (after == null) {
				problems.add(new FieldProblem("cursor", "is not a cursor of this list"));
			}
		}
		int size = io.smsgw.api.web.PageCursor.limit(limit, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new ListParameters(new Filter(storedStatus, recipient, sender, clientReference, sinceAt, untilAt),
				after, size);
	}

	private static boolean hasControl(String value) {
		return value != null && value.chars().anyMatch(Character::isISOControl);
	}

	private static Instant instant(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			return null;
		}
		try {
			Instant instant = OffsetDateTime.parse(value.strip()).toInstant();
			if (MessageQuery.inRange(instant)) {
				return instant;
			}
		}
		catch (DateTimeException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "must be an ISO-8601 date-time with an offset, e.g. 2030-01-31T12:00:00Z"));
		return null;
	}

}
