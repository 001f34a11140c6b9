package io.smsgw.webhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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
			select k.event_id, k.target, k.subscription_id, k.message_id, k.tenant_id, k.event_type, k.url, k.endpoint,
				'PENDING', 0, k.body, k.source_topic, k.source, ?, ?, ?
			from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
				?::bytea[], ?::text[], ?::bytea[]) with ordinality
				as k(event_id, target, subscription_id, message_id, tenant_id, event_type, url, endpoint, body,
				source_topic, source, n)
			order by k.n
			on conflict (event_id, target) do nothing
			returning event_id, target""";

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
	 * Queues callbacks in one transaction (one statement over arrays); returns, per callback, whether it was queued
	 * ({@code false}: this event was already queued for this target).
	 */
	public boolean[] enqueueAll(List<Queued> queued, Instant now) {
		boolean[] inserted = new boolean[queued.size()];
		if (queued.isEmpty()) {
			return inserted;
		}
		OffsetDateTime at = utc(now);
		int n = queued.size();
		Object[][] columns = { new Object[n], new Object[n], new Object[n], new Object[n], new Object[n], new Object[n],
				new Object[n], new Object[n], new byte[n][], new Object[n], new byte[n][] };
		for (int i = 0; i < n; i++) {
			Callback c = queued.get(i).callback();
			Object[] row = { c.eventId(), c.target(), c.subscriptionId(), c.messageId(), c.tenantId(), c.type(),
					truncate(c.url(), 2048), truncate(Endpoints.of(c.url()), 300), c.body(), queued.get(i).sourceTopic(),
					queued.get(i).source() };
			for (int col = 0; col < row.length; col++) {
				columns[col][i] = row[col];
			}
		}
		String[] types = { "uuid", "text", "uuid", "uuid", "text", "text", "text", "text", "bytea", "text", "bytea" };
		Object[] args = new Object[3 + types.length];
		args[0] = at;
		args[1] = at;
		args[2] = at;
		for (int col = 0; col < types.length; col++) {
			args[3 + col] = new SqlArrayValue(types[col], columns[col]);
		}
		// one statement for the poll; a duplicate (already queued, or twice in this poll) is not returned
		Set<String> queuedNow = new HashSet<>(this.transactions.execute((status) -> this.template
			.query(INSERT, (rs, row) -> rs.getString(1) + "/" + rs.getString(2), args)));
		for (int i = 0; i < n; i++) {
			Callback c = queued.get(i).callback();
			inserted[i] = queuedNow.remove(c.eventId() + "/" + c.target());
		}
		return inserted;
	}

	/**
	 * Claims due deliveries, oldest due first: at most {@code max}, at most {@code perEndpoint} per
	 * endpoint, none of an {@code excluded} endpoint, and none while an earlier delivery of the same
	 * message to the same target is pending (callbacks of a message go in order). Index-driven per endpoint
	 * (V5): the endpoints with pending deliveries are found by skipping through the index, and each endpoint
	 * left in is read from the head of its own due deliveries, so the cost grows with the number of endpoints
	 * and the rows claimed, not with the queue, whether or not an endpoint with a long queue is excluded. The
	 * picked rows are locked by primary key ({@code = any(array(…))}): with {@code in (…)} the planner may instead
	 * read every pending row by another index and hash them against the few picked (160 ms at 40,000 queued).
	 */
	List<DeliveryJob> claim(Instant now, Duration lease, String instance, Collection<String> excluded, int perEndpoint,
			int max) {
		List<String> blocked = new ArrayList<>(excluded);
		blocked.add("-");
		return this.jdbc.sql("""
				with recursive endpoints(endpoint) as (
					(select endpoint from delivery_log where state = 'PENDING' order by endpoint limit 1)
					union all
					select (select p.endpoint from delivery_log p where p.state = 'PENDING' and p.endpoint > e.endpoint
						order by p.endpoint limit 1)
					from endpoints e where e.endpoint is not null),
				due as (
					select j.id, j.next_attempt_at from endpoints e cross join lateral (
						select j.id, j.next_attempt_at from delivery_log j
						where j.state = 'PENDING' and j.endpoint = e.endpoint and j.next_attempt_at <= :now
						and (j.lease_until is null or j.lease_until < :now)
						and not exists (select 1 from delivery_log x where x.message_id = j.message_id
							and x.target = j.target and x.state = 'PENDING' and x.id < j.id)
						order by j.next_attempt_at, j.id limit :perEndpoint) j
					where e.endpoint is not null and e.endpoint not in (:blocked)),
				picked as (select id from due order by next_attempt_at, id limit :max)
				update delivery_log d set lease_until = :leaseUntil, leased_by = :instance
				where d.id = any(array(select l.id from delivery_log l where l.id = any(array(select id from picked))
					and l.state = 'PENDING' and (l.lease_until is null or l.lease_until < :now)
					for update skip locked))
				returning """ + " " + JOB_COLUMNS)
			.param("now", utc(now))
			.param("blocked", blocked)
			.param("perEndpoint", Math.min(perEndpoint, max))
			.param("max", max)
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
					and (l.lease_until is null or l.lease_until < :now) order by l.round_started_at, l.id limit :max
					for update skip locked)
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

	/**
	 * Refreshes the planner's statistics of the delivery log (row counts, value spread, sizes of the
	 * partial indexes) for the columns the claim and the sweeps filter, join and sort on. The whole
	 * table took 1.35 s a time in a batch run, most of it on the stored bodies and records (bytea).
	 */
	void analyze() {
		this.jdbc.sql("analyze delivery_log (id, state, endpoint, next_attempt_at, round_started_at, message_id, target)")
			.update();
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
