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
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery log ({@code webhook.delivery_log}) as a durable queue: one row per event and target,
 * written by the listeners, claimed by dispatchers with {@code FOR UPDATE SKIP LOCKED} and a lease
 * (so that several instances share it and a crashed one's claims are taken over), updated with each
 * attempt ({@code webhook.delivery_attempt}). Reads for the API are in {@link DeliveryQueries}.
 */
public class DeliveryLog {

	static final int MAX_ERROR = 1000;

	private static final String JOB_COLUMNS = "id, event_id, message_id, tenant_id, url, endpoint, subscription_id, "
			+ "body, attempts, round_started_at, last_error, source_topic, source";

	private final JdbcClient jdbc;

	private final DeliveryQueries queries;

	public DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.queries = new DeliveryQueries(jdbc);
	}

	/** Queues a callback; {@code false} when this event was already queued for this target. */
	public boolean enqueue(Callback callback, String sourceTopic, byte[] source, Instant now) {
		return this.jdbc.sql("""
				insert into delivery_log (event_id, target, subscription_id, message_id, tenant_id, event_type, url,
				endpoint, state, attempts, body, source_topic, source, round_started_at, next_attempt_at, created_at)
				values (:eventId, :target, :subscriptionId, :messageId, :tenantId, :type, :url, :endpoint, 'PENDING', 0,
				:body, :sourceTopic, :source, :now, :now, :now)
				on conflict (event_id, target) do nothing""")
			.param("eventId", callback.eventId())
			.param("target", callback.target())
			.param("subscriptionId", callback.subscriptionId(), Types.OTHER)
			.param("messageId", callback.messageId())
			.param("tenantId", callback.tenantId())
			.param("type", callback.type())
			.param("url", truncate(callback.url(), 2048))
			.param("endpoint", truncate(Endpoints.of(callback.url()), 300))
			.param("body", callback.body())
			.param("sourceTopic", sourceTopic)
			.param("source", source)
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Claims due deliveries: at most {@code max}, at most {@code perEndpoint} per endpoint, none of a
	 * blocked endpoint, and none while an earlier delivery of the same message to the same target is
	 * pending (callbacks of a message arrive in order).
	 */
	List<DeliveryJob> claim(Instant now, Duration lease, String instance, Collection<String> blocked, int perEndpoint,
			int max) {
		List<String> excluded = new ArrayList<>(blocked);
		excluded.add("-");
		return this.jdbc.sql("""
				with due as (
					select j.id, j.next_attempt_at,
					row_number() over (partition by j.endpoint order by j.next_attempt_at, j.id) as rank
					from delivery_log j
					where j.state = 'PENDING' and j.next_attempt_at <= :now
					and (j.lease_until is null or j.lease_until < :now) and j.endpoint not in (:blocked)
					and not exists (select 1 from delivery_log e where e.message_id = j.message_id
						and e.target = j.target and e.state = 'PENDING' and e.id < j.id)),
				picked as (select id from due where rank <= :perEndpoint order by next_attempt_at, id limit :max)
				update delivery_log d set lease_until = :leaseUntil, leased_by = :instance
				where d.id in (select l.id from delivery_log l where l.id in (select id from picked)
					and l.state = 'PENDING' and (l.lease_until is null or l.lease_until < :now)
					for update skip locked)
				returning """ + " " + JOB_COLUMNS)
			.param("now", utc(now))
			.param("blocked", excluded)
			.param("perEndpoint", perEndpoint)
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

	/** Records one HTTP attempt; an accepted one marks the delivery delivered, otherwise it is due again at {@code next}. */
	void attempted(long id, Instant at, Integer status, String error, Duration elapsed, boolean delivered,
			Instant next) {
		// one statement, one commit: the attempt's row and the delivery's new state
		this.jdbc.sql("""
				with attempt as (insert into delivery_attempt (delivery_id, attempted_at, status, error, duration_ms)
					values (:id, :at, :status, :error, :ms))
				update delivery_log set attempts = attempts + 1, last_status = :status, last_error = :error,
				last_attempt_at = :at, first_attempt_at = coalesce(first_attempt_at, :at), state = :state,
				delivered_at = :deliveredAt, next_attempt_at = :next, lease_until = null, leased_by = null
				where id = :id""")
			.param("id", id)
			.param("status", status, Types.INTEGER)
			.param("error", truncate(error, MAX_ERROR), Types.VARCHAR)
			.param("ms", elapsed.toMillis())
			.param("at", utc(at))
			.param("state", (delivered ? DeliveryState.DELIVERED : DeliveryState.PENDING).name())
			.param("deliveredAt", delivered ? utc(at) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("next", (next != null) ? utc(next) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	/** Whether an earlier delivery of the same message to the same target is pending (checked again right before sending). */
	boolean earlierPending(long id) {
		return this.jdbc.sql("""
				select exists (select 1 from delivery_log j join delivery_log e on e.message_id = j.message_id
				and e.target = j.target and e.state = 'PENDING' and e.id < j.id where j.id = :id)""")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** Marks the delivery given up, with the reason. */
	void failed(long id, String reason) {
		this.jdbc.sql("""
				update delivery_log set state = 'FAILED', last_error = :reason, lease_until = null, leased_by = null
				where id = :id""")
			.param("id", id)
			.param("reason", truncate(reason, MAX_ERROR))
			.update();
	}

	/** Gives a claimed delivery back, due again at {@code next} (no attempt made). */
	void release(long id, Instant next) {
		this.jdbc.sql("update delivery_log set next_attempt_at = :next, lease_until = null, leased_by = null where id = :id")
			.param("id", id)
			.param("next", utc(next))
			.update();
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
