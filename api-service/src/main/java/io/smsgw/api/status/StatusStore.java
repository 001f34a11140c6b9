package io.smsgw.api.status;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;

/**
 * The read model's writes: status history rows and the current status of messages, in batches.
 */
@Component
class StatusStore {

	private final JdbcTemplate jdbc;

	StatusStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Current status and tenant of the messages that exist and were sent on, locked until the transaction ends. */
	Map<UUID, Current> lockCurrent(Collection<UUID> ids) {
		Map<UUID, Current> current = new HashMap<>();
		if (ids.isEmpty()) {
			return current;
		}
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("SELECT id, tenant_id, status FROM message WHERE id = ANY (?) ORDER BY id FOR UPDATE");
			statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
			return statement;
		}, (rs) -> {
			MessageStatus status = statusOf(rs.getString(3));
			if (status != null) {
				current.put(rs.getObject(1, UUID.class), new Current(rs.getString(2), status));
			}
		});
		return current;
	}

	/** Inserts history rows; a status a message already has in its history is left as it is. */
	void insertHistory(List<StatusChanged> changes) {
		this.jdbc.batchUpdate("INSERT INTO message_status (message_id, status, at, error_code, detail) "
				+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id, status) DO NOTHING", changes, changes.size(),
				(ps, change) -> {
					ps.setObject(1, change.messageId());
					ps.setString(2, change.status().name());
					ps.setObject(3, change.at().atOffset(ZoneOffset.UTC));
					ps.setString(4, truncate(change.errorCode(), 100));
					ps.setString(5, truncate(change.detail(), 1000));
				});
	}

	/**
	 * Moves messages to new statuses (already checked to be progress; one per message), in one
	 * statement: a JDBC batch of one {@code UPDATE} per message cost PostgreSQL a statement each,
	 * two per message sent (5 % of its time in a batch run).
	 */
	void updateStatus(Collection<StatusChanged> changes) {
		int n = changes.size();
		Object[] ids = new Object[n];
		Object[] statuses = new Object[n];
		Object[] times = new Object[n];
		Object[] errors = new Object[n];
		Object[] prices = new Object[n];
		int i = 0;
		for (StatusChanged change : changes) {
			ids[i] = change.messageId();
			statuses[i] = change.status().name();
			times[i] = change.at().toString();
			errors[i] = truncate(change.errorCode(), 100);
			prices[i] = change.price();
			i++;
		}
		this.jdbc.update("""
				UPDATE message m SET status = k.status, updated_at = k.at, error_code = coalesce(k.error_code, m.error_code),
					price = coalesce(k.price, m.price)
				FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::numeric[]) AS k(id, status, at, error_code, price)
				WHERE m.id = k.id""", new SqlArrayValue("uuid", ids), new SqlArrayValue("text", statuses),
				new SqlArrayValue("timestamptz", times), new SqlArrayValue("text", errors),
				new SqlArrayValue("numeric", prices));
	}

	/**
	 * The status, or {@code null} for the API's own {@code SCHEDULED} and {@code CANCELED}: such a
	 * message was never handed on, so events for it are skipped like those of unknown messages.
	 */
	private static MessageStatus statusOf(String stored) {
		try {
			return MessageStatus.valueOf(stored);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/** What a message is now. */
	record Current(String tenantId, MessageStatus status) {
	}

}
