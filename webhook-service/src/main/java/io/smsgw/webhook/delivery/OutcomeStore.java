package io.smsgw.webhook.delivery;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes many {@link Outcome}s to the delivery log in one transaction: the attempts
 * ({@code webhook.delivery_attempt}) and the deliveries' new state, each one statement over arrays
 * ({@code unnest}) for the whole batch, then releases and failures (JDBC batches, rare; an exhausted
 * delivery is recorded attempted, then failed). Every written delivery's lease is cleared.
 */
public class OutcomeStore {

	private static final String INSERT_ATTEMPTS = """
			insert into delivery_attempt (delivery_id, attempted_at, status, error, duration_ms)
			select * from unnest(?::int8[], ?::timestamptz[], ?::int4[], ?::text[], ?::int8[])""";

	private static final String ATTEMPTED = """
			update delivery_log d set attempts = d.attempts + 1, last_status = k.status, last_error = k.error,
			last_attempt_at = k.at, first_attempt_at = coalesce(d.first_attempt_at, k.at), state = k.state,
			delivered_at = k.delivered_at, next_attempt_at = k.next, lease_until = null, leased_by = null
			from unnest(?::int8[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::timestamptz[])
				as k(id, status, error, at, state, delivered_at, next)
			where d.id = k.id""";

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
				String at = attempt.at().toString();
				attempts.add(new Object[] { outcome.id(), at, attempt.status(), error, attempt.durationMs() });
				String state = (outcome.delivered() ? DeliveryState.DELIVERED : DeliveryState.PENDING).name();
				attempted.add(new Object[] { outcome.id(), attempt.status(), error, at, state,
						outcome.delivered() ? at : null, (outcome.next() != null) ? outcome.next().toString() : null });
			}
			if (outcome.failure() != null) {
				failed.add(new Object[] { DeliveryLog.truncate(outcome.failure(), DeliveryLog.MAX_ERROR), outcome.id() });
			}
			else if (outcome.isRelease()) {
				released.add(new Object[] { DeliveryLog.utc(outcome.next()), outcome.id() });
			}
		}
		this.transactions.executeWithoutResult((status) -> {
			if (!attempts.isEmpty()) {
				this.jdbc.update(INSERT_ATTEMPTS, columns(attempts, "int8", "timestamptz", "int4", "text", "int8"));
			}
			String[] types = { "int8", "int4", "text", "timestamptz", "text", "timestamptz", "timestamptz" };
			if (attempted.stream().map((row) -> row[0]).distinct().count() == attempted.size()) {
				if (!attempted.isEmpty()) {
					this.jdbc.update(ATTEMPTED, columns(attempted, types));
				}
			}
			else {
				// the same delivery twice in one write (not expected): one statement each, in order
				attempted.forEach((row) -> this.jdbc.update(ATTEMPTED, columns(java.util.Collections.singletonList(row), types)));
			}
			batch(RELEASED, released, TS, Types.BIGINT);
			batch(FAILED, failed, Types.VARCHAR, Types.BIGINT);
		});
	}

	/** One array per column, for {@code unnest}; times are ISO-8601 text, which {@code timestamptz} parses. */
	private static Object[] columns(List<Object[]> rows, String... types) {
		Object[] args = new Object[types.length];
		for (int c = 0; c < types.length; c++) {
			Object[] column = new Object[rows.size()];
			for (int r = 0; r < rows.size(); r++) {
				column[r] = rows.get(r)[c];
			}
			args[c] = new SqlArrayValue(types[c], column);
		}
		return args;
	}

	private void batch(String sql, List<Object[]> rows, int... types) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows, types);
		}
	}

}
