package io.smsgw.api.message;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.message.MessageView.HistoryEntry;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventJson;

/**
 * The {@code message}, {@code message_status} and {@code scheduled_message} tables on the request
 * path, in plain SQL with JDBC batches.
 */
@Component
class MessageStore {

	/** Status of a message waiting for its send time (not a {@link MessageStatus}: it never leaves the API). */
	static final String SCHEDULED = "SCHEDULED";

	/** Status of a scheduled message cancelled before it was sent. */
	static final String CANCELED = "CANCELED";

	private final JdbcTemplate jdbc;

	MessageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores accepted messages, their first history rows and the schedule of scheduled ones; call in a transaction. */
	void insertAll(List<NewMessage> messages) {
		this.jdbc.batchUpdate("INSERT INTO message (id, tenant_id, recipient, sender, body, encoding, segments, "
				+ "callback_url, status, accepted_at, updated_at, message_type, valid_until, client_reference, send_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", messages, messages.size(), (ps, m) -> {
					MessageAccepted e = m.event();
					OffsetDateTime at = utc(e.acceptedAt());
					ps.setObject(1, e.messageId());
					ps.setString(2, e.tenantId());
					ps.setString(3, e.to());
					ps.setString(4, e.from());
					ps.setString(5, e.body());
					ps.setString(6, e.encoding());
					ps.setInt(7, e.segments());
					ps.setString(8, e.callbackUrl());
					ps.setString(9, m.status());
					ps.setObject(10, at);
					ps.setObject(11, at);
					ps.setString(12, e.messageType().name());
					ps.setObject(13, utc(e.validUntil()));
					ps.setString(14, m.clientReference());
					ps.setObject(15, utc(m.sendAt()));
				});
		this.jdbc.batchUpdate("INSERT INTO message_status (message_id, status, at) VALUES (?, ?, ?)", messages,
				messages.size(), (ps, m) -> {
					ps.setObject(1, m.event().messageId());
					ps.setString(2, m.status());
					ps.setObject(3, utc(m.event().acceptedAt()));
				});
		List<NewMessage> scheduled = messages.stream().filter((m) -> m.sendAt() != null).toList();
		if (scheduled.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT INTO scheduled_message (message_id, tenant_id, send_at, topic, key, payload) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", scheduled, scheduled.size(), (ps, m) -> {
					ps.setObject(1, m.event().messageId());
					ps.setString(2, m.event().tenantId());
					ps.setObject(3, utc(m.sendAt()));
					ps.setString(4, Topics.MT_ACCEPTED);
					ps.setString(5, m.event().key());
					ps.setString(6, new String(EventJson.write(m.event()), StandardCharsets.UTF_8));
				});
	}

	/** A tenant's message with its history; empty for a missing message or another tenant's. */
	Optional<MessageView> find(String tenantId, UUID id) {
		List<MessageView> found = this.jdbc.query("SELECT id, recipient, sender, status, message_type, encoding, "
				+ "segments, client_reference, accepted_at, send_at, valid_until, error_code, body, price FROM message "
				+ "WHERE id = ? AND tenant_id = ?", (rs, i) -> new MessageView(rs.getObject(1, UUID.class),
						rs.getString(2), rs.getString(3), rs.getString(13), label(rs.getString(4)),
						label(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8), instant(rs, 9),
						instant(rs, 10), instant(rs, 11), rs.getString(12), rs.getBigDecimal(14), List.of()),
				id, tenantId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<HistoryEntry> history = this.jdbc.query(
				"SELECT status, at, error_code, detail FROM message_status WHERE message_id = ? ORDER BY at, id",
				(rs, i) -> new HistoryEntry(label(rs.getString(1)), instant(rs, 2), rs.getString(3),
						rs.getString(4)),
				id);
		MessageView m = found.get(0);
		return Optional.of(new MessageView(m.id(), m.to(), m.from(), m.body(), m.status(), m.messageType(),
				m.encoding(), m.segments(), m.clientReference(), m.acceptedAt(), m.sendAt(), m.validUntil(),
				m.errorCode(), m.price(), history));
	}

	/**
	 * Cancels a scheduled message of the tenant that has not been relayed yet. Waits for a
	 * scheduler that is relaying it at that moment, and then finds it gone.
	 */
	CancelOutcome cancel(String tenantId, UUID id) {
		int removed = this.jdbc.update("DELETE FROM scheduled_message WHERE message_id = ? AND tenant_id = ?", id,
				tenantId);
		if (removed == 0) {
			Integer exists = this.jdbc.queryForObject("SELECT count(*) FROM message WHERE id = ? AND tenant_id = ?",
					Integer.class, id, tenantId);
			return (exists != null && exists > 0) ? CancelOutcome.ALREADY_RELAYED : CancelOutcome.NOT_FOUND;
		}
		OffsetDateTime now = utc(Instant.now());
		this.jdbc.update("UPDATE message SET status = ?, updated_at = ? WHERE id = ?", CANCELED, now, id);
		this.jdbc.update("INSERT INTO message_status (message_id, status, at) VALUES (?, ?, ?) "
				+ "ON CONFLICT (message_id, status) DO NOTHING", id, CANCELED, now);
		return CancelOutcome.CANCELED;
	}

	/** The tenant-facing name of a stored status or type: {@code DELIVERED} is shown as {@code delivered}. */
	static String label(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/** A message to store: its event, and what only the API keeps. */
	record NewMessage(MessageAccepted event, String clientReference, Instant sendAt) {

		String status() {
			return (this.sendAt != null) ? SCHEDULED : MessageStatus.ACCEPTED.name();
		}

	}

	/** What a cancel did. */
	enum CancelOutcome {

		CANCELED, NOT_FOUND, ALREADY_RELAYED

	}

}
