package io.smsgw.webhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery log ({@code webhook.delivery_log}): one row per event id, so that an event the
 * endpoint accepted is never sent again, and operators can see attempts and errors.
 */
public class DeliveryLog {

	private static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	public DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The event's row, created (pending, no attempts) if it is the first time the event is seen. */
	DeliveryRecord open(Callback callback, Instant now) {
		this.jdbc.sql("""
				insert into delivery_log (event_id, message_id, tenant_id, event_type, url, state, attempts, created_at)
				values (:eventId, :messageId, :tenantId, :type, :url, 'PENDING', 0, :now)
				on conflict (event_id) do nothing""")
			.param("eventId", callback.eventId())
			.param("messageId", callback.messageId())
			.param("tenantId", callback.tenantId())
			.param("type", callback.type())
			.param("url", truncate(callback.url(), 2048))
			.param("now", utc(now))
			.update();
		return find(callback.eventId()).orElseThrow();
	}

	/** Starts a new round for an event that failed before and came again (a replay). */
	DeliveryRecord reopen(Callback callback) {
		this.jdbc.sql("""
				update delivery_log set state = 'PENDING', attempts = 0, first_attempt_at = null, url = :url
				where event_id = :eventId and state = 'FAILED'""")
			.param("eventId", callback.eventId())
			.param("url", truncate(callback.url(), 2048))
			.update();
		return find(callback.eventId()).orElseThrow();
	}

	/** Records one HTTP attempt; an accepted one marks the event delivered. */
	void attempted(UUID eventId, Instant at, Integer status, String error, boolean delivered) {
		this.jdbc.sql("""
				update delivery_log set attempts = attempts + 1, last_status = :status, last_error = :error,
				last_attempt_at = :at, first_attempt_at = coalesce(first_attempt_at, :at), state = :state,
				delivered_at = :deliveredAt
				where event_id = :eventId""")
			.param("eventId", eventId)
			.param("status", status, java.sql.Types.INTEGER)
			.param("error", truncate(error, MAX_ERROR), java.sql.Types.VARCHAR)
			.param("at", utc(at))
			.param("state", (delivered ? DeliveryState.DELIVERED : DeliveryState.PENDING).name())
			.param("deliveredAt", delivered ? utc(at) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	/** Marks the event given up, with the reason. */
	void failed(UUID eventId, String reason) {
		this.jdbc.sql("update delivery_log set state = 'FAILED', last_error = :reason where event_id = :eventId")
			.param("eventId", eventId)
			.param("reason", truncate(reason, MAX_ERROR))
			.update();
	}

	/** The event's row, if the event was seen. */
	public Optional<DeliveryRecord> find(UUID eventId) {
		return this.jdbc.sql("""
				select event_id, message_id, tenant_id, url, state, attempts, last_status, last_error,
				first_attempt_at, delivered_at from delivery_log where event_id = :eventId""")
			.param("eventId", eventId)
			.query(DeliveryLog::map)
			.optional();
	}

	private static DeliveryRecord map(ResultSet rs, int row) throws SQLException {
		return new DeliveryRecord(rs.getObject("event_id", UUID.class), rs.getObject("message_id", UUID.class),
				rs.getString("tenant_id"), rs.getString("url"), DeliveryState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getObject("last_status", Integer.class), rs.getString("last_error"),
				instant(rs.getObject("first_attempt_at", OffsetDateTime.class)),
				instant(rs.getObject("delivered_at", OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
