package io.smsgw.webhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The delivery log ({@code webhook.delivery_log}) as a durable queue: one row per event and target,
 * written by the listeners (a poll's rows in one transaction), claimed by dispatchers with
 * {@code FOR UPDATE SKIP LOCKED} and a lease (so that several instances share it and a crashed one's
 * claims are taken over). Outcomes are written by {@link OutcomeStore}; reads for the API are in
 * {@link DeliveryQueries}.
 */
public class DeliveryLog {

	static final int MAX_ERROR = 1000;

	private static final String JOB_COLUMNS = "id, event_id, message_id, tenant_id, url, endpoint, subscription_id, "
			+ "body, attempts, round_started_at, last_error, source_topic, source";

	private static final String INSERT = """
			insert into delivery_log (event_id, target, subscription_id, message_id, tenant_id, event_type, url,
			endpoint, state, attempts, body, source_topic, source, round_started_at, next_attempt_at, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?)
			on conflict (event_id, target) do nothing""";

	private static final int[] INSERT_TYPES = { Types.OTHER, Types.VARCHAR, Types.OTHER, Types.OTHER, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BINARY, Types.VARCHAR, Types.BINARY,
			Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE };

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final DeliveryQueries queries;

	public DeliveryLog(JdbcTemplate template, TransactionOperations transactions) {
		this.template = template;
		this.jdbc = JdbcClient.create(template);
		this.transactions = transactions;
		this.queries = new DeliveryQueries(this.jdbc);
	}

	/** A callback to queue, with the event it came from (kept for the dead-letter topic). */
	public record Queued(Callback callback, String sourceTopic, byte[] source) {
	}

	/**
	 * Queues callbacks in one transaction (a JDBC batch); returns, per callback, whether it was queued
	 * ({@code false}: this event was already queued for this target).
	 */
	public boolean[] enqueueAll(List<Queued> queued, Instant now) {
		boolean[] inserted = new boolean[queued.size()];
		if (queued.isEmpty()) {
			return inserted;
		}
		OffsetDateTime at = utc(now);
		List<Object[]> rows = new ArrayList<>(queued.size());
		for (Queued q : queued) {
			Callback c = q.callback();
			rows.add(new Object[] { c.eventId(), c.target(), c.subscriptionId(), c.messageId(), c.tenantId(), c.type(),
					truncate(c.url(), 2048), truncate(Endpoints.of(c.url()), 300), c.body(), q.sourceTopic(), q.source(),
					at, at, at });
		}
		int[] counts = this.transactions.execute((status) -> this.template.batchUpdate(INSERT, rows, INSERT_TYPES));
		for (int i = 0; i < inserted.length; i++) {
			// 0: on conflict, nothing inserted; SUCCESS_NO_INFO (-2) when the driver rewrites batches
			inserted[i] = counts[i] != 0;
		}
		return inserted;
	}

	/**
	 * Claims due deliveries, oldest due first: at most {@code max}, at most {@code perEndpoint} per
	 * endpoint, none of an {@code excluded} endpoint, and none while an earlier delivery of the same
	 * message to the same target is pending (callbacks of a message go in order). Index-driven: only the
	 * first {@code scan} due rows are looked at, so the cost does not grow with the queue.
	 */
	List<DeliveryJob> claim(Instant now, Duration lease, String instance, Collection<String> excluded, int perEndpoint,
			int max, int scan) {
		List<String> blocked = new ArrayList<>(excluded);
		blocked.add("-");
		return this.jdbc.sql("""
				with due as (
					select j.id, j.endpoint, j.next_attempt_at from delivery_log j
					where j.state = 'PENDING' and j.next_attempt_at <= :now
					and (j.lease_until is null or j.lease_until < :now) and j.endpoint not in (:blocked)
					and not exists (select 1 from delivery_log e where e.message_id = j.message_id
						and e.target = j.target and e.state = 'PENDING' and e.id < j.id)
					order by j.next_attempt_at, j.id limit :scan),
				ranked as (select id, next_attempt_at,
					row_number() over (partition by endpoint order by next_attempt_at, id) as rank from due),
				picked as (select id from ranked where rank <= :perEndpoint order by next_attempt_at, id limit :max)
				update delivery_log d set lease_until = :leaseUntil, leased_by = :instance
				where d.id in (select l.id from delivery_log l where l.id in (select id from picked)
					and l.state = 'PENDING' and (l.lease_until is null or l.lease_until < :now)
					for update skip locked)
				returning """ + " " + JOB_COLUMNS)
			.param("now", utc(now))
			.param("blocked", blocked)
			.param("perEndpoint", perEndpoint)
			.param("max", max)
			.param("scan", scan)
			.param("leaseUntil", utc(now.plus(lease)))
			.param("instance", instance)
			.query(DeliveryLog::job)
			.list();
	}

	/** Claims pending deliveries whose retry budget ran out while they could not be attempted. */
	List<DeliveryJob> claimExpired(Instant now, Duration maxTotal, Duration lease, String instance, int max) {
		return this.jdbc.sql("""
				update delivery_log d set lease_until = :leaseUntil, leased_by = :instance
				where d.id in (select l.id from delivery_log l where l.state = 'PENDING' and l.round_started_at < :deadline
					and (l.lease_until is null or l.lease_until < :now) order by l.id limit :max for update skip locked)
				returning """ + " " + JOB_COLUMNS)
			.param("now", utc(now))
			.param("deadline", utc(now.minus(maxTotal)))
			.param("max", max)
			.param("leaseUntil", utc(now.plus(lease)))
			.param("instance", instance)
			.query(DeliveryLog::job)
			.list();
	}

	/** Those of the deliveries behind which an earlier delivery of the same message to the same target is pending. */
	Set<Long> earlierPending(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("""
				select j.id from delivery_log j where j.id in (:ids) and exists (select 1 from delivery_log e
				where e.message_id = j.message_id and e.target = j.target and e.state = 'PENDING' and e.id < j.id)""")
			.param("ids", ids)
			.query(Long.class)
			.list());
	}

	/** Deliveries waiting to be accepted. */
	long pending() {
		return this.jdbc.sql("select count(*) from delivery_log where state = 'PENDING'").query(Long.class).single();
	}

	/** The first delivery of an event (the only one for a message's own callback URL), if the event was seen. */
	public Optional<DeliveryRecord> find(UUID eventId) {
		return this.queries.find(eventId);
	}

	private static DeliveryJob job(ResultSet rs, int row) throws SQLException {
		return new DeliveryJob(rs.getLong("id"), rs.getObject("event_id", UUID.class),
				rs.getObject("message_id", UUID.class), rs.getString("tenant_id"), rs.getString("url"),
				rs.getString("endpoint"), rs.getObject("subscription_id", UUID.class), rs.getBytes("body"),
				rs.getInt("attempts"), instant(rs.getObject("round_started_at", OffsetDateTime.class)),
				rs.getString("last_error"), rs.getString("source_topic"), rs.getBytes("source"));
	}

	static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
