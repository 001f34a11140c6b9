package io.smsgw.api.message;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.event.MessageType;

/**
 * The delivery options of a message request (type, reference, schedule and validity), checked
 * against the service limits.
 *
 * @param messageType transactional or marketing
 * @param clientReference the tenant's reference, or {@code null}
 * @param sendAt when to send, or {@code null} for now
 * @param validUntil when delivery should stop, or {@code null} for the network default
 */
record DeliveryOptions(MessageType messageType, String clientReference, Instant sendAt, Instant validUntil) {

	static final int MAX_REFERENCE_LENGTH = 128;

	/** Reads the options, adding a problem per wrong field; returns {@code null} when any is wrong. */
	static DeliveryOptions read(SendMessageRequest request, Instant now, Duration maxValidity,
			Duration maxScheduleAhead, List<FieldProblem> problems) {
		int before = problems.size();
		MessageType type = MessageType.TRANSACTIONAL;
		if (request.messageType() != null) {
			String value = request.messageType().strip().toUpperCase(Locale.ROOT);
			if (value.equals("TRANSACTIONAL") || value.equals("MARKETING")) {
				type = MessageType.valueOf(value);
			}
			else {
				problems.add(new FieldProblem("messageType", "must be transactional or marketing"));
			}
		}
		String reference = request.clientReference();
		if (reference != null && (reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH
				|| reference.chars().anyMatch(Character::isISOControl))) {
			problems.add(new FieldProblem("clientReference",
					"must be 1 to " + MAX_REFERENCE_LENGTH + " characters without control characters"));
		}
		Instant sendAt = instant(request.sendAt(), "sendAt", problems);
		if (sendAt != null && sendAt.isAfter(now.plus(maxScheduleAhead))) {
			problems.add(new FieldProblem("sendAt", "must be at most " + maxScheduleAhead.toDays() + " days ahead"));
		}
		Instant start = (sendAt != null && sendAt.isAfter(now)) ? sendAt : now;
		Instant validUntil = null;
		if (request.validityPeriod() != null && request.validUntil() != null) {
			problems.add(new FieldProblem("validityPeriod", "must not be given together with validUntil"));
		}
		else if (request.validityPeriod() != null) {
			long seconds = request.validityPeriod();
			if (seconds < 1 || seconds > maxValidity.toSeconds()) {
				problems.add(new FieldProblem("validityPeriod",
						"must be 1 to " + maxValidity.toSeconds() + " seconds"));
			}
			else {
				validUntil = start.plusSeconds(seconds);
			}
		}
		else if (request.validUntil() != null) {
			validUntil = instant(request.validUntil(), "validUntil", problems);
			if (validUntil != null && (!validUntil.isAfter(start) || validUntil.isAfter(start.plus(maxValidity)))) {
				problems.add(new FieldProblem("validUntil", "must be after the send time and at most "
						+ maxValidity.toSeconds() + " seconds after it"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new DeliveryOptions(type, reference, (sendAt != null && sendAt.isAfter(now)) ? sendAt : null,
				validUntil);
	}

	/** Whether the message waits for its send time. */
	boolean scheduled() {
		return this.sendAt != null;
	}

	private static Instant instant(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem(field, "must be an ISO-8601 date-time with an offset, "
					+ "e.g. 2030-01-31T12:00:00Z"));
			return null;
		}
	}

}
