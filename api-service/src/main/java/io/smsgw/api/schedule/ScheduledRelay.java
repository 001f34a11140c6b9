package io.smsgw.api.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.outbox.OutboxStore;

/**
 * Hands scheduled messages on when their {@code sendAt} is due: in one transaction per batch it
 * locks due rows of {@code scheduled_message} ({@code FOR UPDATE SKIP LOCKED}, so that several
 * instances share the work without sending a message twice), copies their events to the outbox,
 * marks the messages {@code accepted} and deletes the rows. A cancel that comes at the same time
 * waits for the lock and then finds the row gone. A message whose recipient opted out meanwhile
 * is not handed on: it becomes {@code rejected} with error code {@code recipient-suppressed}.
 */
@Component
public class ScheduledRelay {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRelay.class);

	static final int BATCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final OutboxStore outbox;

	private final TransactionTemplate transactions;

	ScheduledRelay(JdbcTemplate jdbc, OutboxStore outbox, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	/** Relays every due message, batch by batch; returns how many. Never throws. */
	public int relayDue() {
		int total = 0;
		try {
			int relayed;
			do {
				Integer count = this.transactions.execute((status) -> relayBatch(Instant.now()));
				relayed = (count != null) ? count : 0;
				total += relayed;
			}
			while (relayed == BATCH_SIZE);
		}
		catch (RuntimeException ex) {
			log.warn("Relaying due scheduled messages failed; retrying at the next poll", ex);
		}
		return total;
	}

	private int relayBatch(Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		List<UUID> due = this.jdbc.queryForList("SELECT message_id FROM scheduled_message WHERE send_at <= ? "
				+ "ORDER BY send_at LIMIT ? FOR UPDATE SKIP LOCKED", UUID.class, at, BATCH_SIZE);
		if (due.isEmpty()) {
			return 0;
		}
		List<UUID> suppressed = rejectSuppressed(due.toArray(UUID[]::new), at);
		UUID[] ids = due.stream().filter((id) -> !suppressed.contains(id)).toArray(UUID[]::new);
		update("INSERT INTO outbox (topic, key, payload) SELECT topic, key, payload FROM scheduled_message "
				+ "WHERE message_id = ANY (?) ORDER BY send_at", ids);
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(
					"UPDATE message SET status = 'ACCEPTED', updated_at = ? WHERE id = ANY (?) AND status = 'SCHEDULED'");
			statement.setObject(1, at);
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			return statement;
		});
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO message_status (message_id, status, at) "
					+ "SELECT id, 'ACCEPTED', ? FROM unnest(?) AS id ON CONFLICT (message_id, status) DO NOTHING");
			statement.setObject(1, at);
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			return statement;
		});
		update("DELETE FROM scheduled_message WHERE message_id = ANY (?)", ids);
		this.outbox.wakeAfterCommit();
		return due.size();
	}

	/** Rejects the due messages whose recipients the tenant has suppressed; returns their ids. */
	private List<UUID> rejectSuppressed(UUID[] due, OffsetDateTime at) {
		List<UUID> suppressed = this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("SELECT m.id FROM message m JOIN suppression p "
					+ "ON p.tenant_id = m.tenant_id AND p.number = m.recipient AND p.active WHERE m.id = ANY (?)");
			statement.setArray(1, connection.createArrayOf("uuid", due));
			return statement;
		}, (rs, i) -> rs.getObject(1, UUID.class));
		if (suppressed.isEmpty()) {
			return suppressed;
		}
		UUID[] ids = suppressed.toArray(UUID[]::new);
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("UPDATE message SET status = 'REJECTED', updated_at = ?, "
					+ "error_code = 'recipient-suppressed' WHERE id = ANY (?) AND status = 'SCHEDULED'");
			statement.setObject(1, at);
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			return statement;
		});
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO message_status (message_id, status, at, "
					+ "error_code, detail) SELECT id, 'REJECTED', ?, 'recipient-suppressed', 'the recipient opted out' "
					+ "FROM unnest(?) AS id ON CONFLICT (message_id, status) DO NOTHING");
			statement.setObject(1, at);
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			return statement;
		});
		update("DELETE FROM scheduled_message WHERE message_id = ANY (?)", ids);
		log.info("{} scheduled message(s) rejected: their recipients opted out", ids.length);
		return suppressed;
	}

	private void update(String sql, UUID[] ids) {
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		});
	}

}
