package io.smsgw.api.message;

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

/**
 * The {@code message} and {@code message_status} tables on the request path, in plain SQL.
 */
@Component
class MessageStore {

	private final JdbcTemplate jdbc;

	MessageStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores an accepted message and its first history row; call in a transaction. */
	void insertAccepted(MessageAccepted message) {
		OffsetDateTime at = message.acceptedAt().atOffset(ZoneOffset.UTC);
		this.jdbc.update("INSERT INTO message (id, tenant_id, recipient, sender, body, encoding, segments, "
				+ "callback_url, status, accepted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				message.messageId(), message.tenantId(), message.to(), message.from(), message.body(),
				message.encoding(), message.segments(), message.callbackUrl(), MessageStatus.ACCEPTED.name(), at, at);
		this.jdbc.update("INSERT INTO message_status (message_id, status, at) VALUES (?, ?, ?)", message.messageId(),
				MessageStatus.ACCEPTED.name(), at);
	}

	/** A tenant's message with its history; empty for a missing message or another tenant's. */
	Optional<MessageView> find(String tenantId, UUID id) {
		List<MessageView> found = this.jdbc.query(
				"SELECT id, recipient, sender, status, encoding, segments, accepted_at, error_code FROM message "
						+ "WHERE id = ? AND tenant_id = ?",
				(rs, i) -> new MessageView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						label(rs.getString(4)), rs.getString(5), rs.getInt(6), instant(rs, 7),
						rs.getString(8), List.of()),
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
		return Optional.of(new MessageView(m.id(), m.to(), m.from(), m.status(), m.encoding(), m.segments(),
				m.acceptedAt(), m.errorCode(), history));
	}

	/** The tenant-facing name of a stored status: {@code DELIVERED} is shown as {@code delivered}. */
	static String label(String status) {
		return status.toLowerCase(Locale.ROOT);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
