package io.smsgw.api.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventJson;

/**
 * The {@code outbox} table: events written in the same transaction as the state they describe,
 * relayed to Kafka by {@link OutboxRelay}.
 */
@Component
public class OutboxStore {

	private final JdbcTemplate jdbc;

	private final OutboxSignal signal;

	OutboxStore(JdbcTemplate jdbc, OutboxSignal signal) {
		this.jdbc = jdbc;
		this.signal = signal;
	}

	/** Adds an event to the outbox in the current transaction; the relay is woken after commit. */
	public void append(String topic, SmsEvent event) {
		this.jdbc.update("INSERT INTO outbox (topic, key, payload) VALUES (?, ?, ?)", topic, event.key(),
				new String(EventJson.write(event), StandardCharsets.UTF_8));
		wakeAfterCommit();
	}

	/** Adds events to the outbox in one JDBC batch, in the current transaction. */
	public void appendAll(String topic, List<? extends SmsEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT INTO outbox (topic, key, payload) VALUES (?, ?, ?)", events, events.size(),
				(ps, event) -> {
					ps.setString(1, topic);
					ps.setString(2, event.key());
					ps.setString(3, new String(EventJson.write(event), StandardCharsets.UTF_8));
				});
		wakeAfterCommit();
	}

	/** Wakes the relay when the current transaction commits (at once without a transaction). */
	public void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					OutboxStore.this.signal.wake();
				}
			});
		}
		else {
			this.signal.wake();
		}
	}

	/**
	 * Lets the current transaction commit without waiting for its WAL flush
	 * ({@code synchronous_commit = off} for this transaction only). Only for what may be done
	 * again: a server crash may undo it.
	 */
	void relaxCommit() {
		this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
	}

	/** Locks and returns the oldest rows no other relay holds; call in a transaction. */
	List<OutboxRow> lockBatch(int limit) {
		return this.jdbc.query(
				"SELECT id, topic, key, payload FROM outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
				(rs, i) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), limit);
	}

	void delete(List<OutboxRow> rows) {
		Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)");
			statement.setArray(1, connection.createArrayOf("bigint", ids));
			return statement;
		});
	}

	/** Rows waiting to be relayed. */
	long count() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class);
		return (count != null) ? count : 0;
	}

	/** One outbox row. */
	record OutboxRow(long id, String topic, String key, String payload) {

		/** The event, or the raw JSON when it cannot be read (consumers park such records as dead letters). */
		Object value() {
			try {
				return EventJson.read(this.payload, Topics.eventTypeOf(this.topic));
			}
			catch (RuntimeException ex) {
				return this.payload.getBytes(StandardCharsets.UTF_8);
			}
		}

	}

}
