package io.smsgw.webhook.delivery;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes many {@link Outcome}s to the delivery log in one transaction with JDBC batches: the attempts
 * ({@code webhook.delivery_attempt}) and the deliveries' new state, then releases, then failures (an
 * exhausted delivery is recorded attempted, then failed). Every written delivery's lease is cleared.
 */
public class OutcomeStore {

	private static final String INSERT_ATTEMPT = """
			insert into delivery_attempt (delivery_id, attempted_at, status, error, duration_ms)
			values (?, ?, ?, ?, ?)""";

	private static final String ATTEMPTED = """
			update delivery_log set attempts = attempts + 1, last_status = ?, last_error = ?, last_attempt_at = ?,
			first_attempt_at = coalesce(first_attempt_at, ?), state = ?, delivered_at = ?, next_attempt_at = ?,
			lease_until = null, leased_by = null where id = ?""";

	private static final String RELEASED = """
			update delivery_log set next_attempt_at = ?, lease_until = null, leased_by = null where id = ?""";

	private static final String FAILED = """
			update delivery_log set state = 'FAILED', last_error = ?, lease_until = null, leased_by = null where id = ?""";

	private static final int TS = Types.TIMESTAMP_WITH_TIMEZONE;

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	public OutcomeStore(JdbcTemplate jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Writes the outcomes in one transaction (all or none). */
	void write(List<Outcome> outcomes) {
		List<Object[]> attempts = new ArrayList<>();
		List<Object[]> attempted = new ArrayList<>();
		List<Object[]> released = new ArrayList<>();
		List<Object[]> failed = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			DeliveryAttempt attempt = outcome.attempt();
			if (attempt != null) {
				String error = DeliveryLog.truncate(attempt.error(), DeliveryLog.MAX_ERROR);
				OffsetDateTime at = DeliveryLog.utc(attempt.at());
				attempts.add(new Object[] { outcome.id(), at, attempt.status(), error, attempt.durationMs() });
				String state = (outcome.delivered() ? DeliveryState.DELIVERED : DeliveryState.PENDING).name();
				attempted.add(new Object[] { attempt.status(), error, at, at, state, outcome.delivered() ? at : null,
						utcOrNull(outcome.next()), outcome.id() });
			}
			if (outcome.failure() != null) {
				failed.add(new Object[] { DeliveryLog.truncate(outcome.failure(), DeliveryLog.MAX_ERROR), outcome.id() });
			}
			else if (outcome.isRelease()) {
				released.add(new Object[] { DeliveryLog.utc(outcome.next()), outcome.id() });
			}
		}
		this.transactions.executeWithoutResult((status) -> {
			batch(INSERT_ATTEMPT, attempts, Types.BIGINT, TS, Types.INTEGER, Types.VARCHAR, Types.BIGINT);
			batch(ATTEMPTED, attempted, Types.INTEGER, Types.VARCHAR, TS, TS, Types.VARCHAR, TS, TS, Types.BIGINT);
			batch(RELEASED, released, TS, Types.BIGINT);
			batch(FAILED, failed, Types.VARCHAR, Types.BIGINT);
		});
	}

	private void batch(String sql, List<Object[]> rows, int... types) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows, types);
		}
	}

	private static OffsetDateTime utcOrNull(Instant instant) {
		return (instant != null) ? DeliveryLog.utc(instant) : null;
	}

}
