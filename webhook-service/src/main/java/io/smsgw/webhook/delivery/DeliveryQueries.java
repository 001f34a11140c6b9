package io.smsgw.webhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads of the delivery log for the API and operators, always within one tenant, and redelivery.
 */
public class DeliveryQueries {

	private static final String COLUMNS = "id, event_id, event_type, message_id, tenant_id, subscription_id, url, state, "
			+ "attempts, last_status, last_error, first_attempt_at, last_attempt_at, next_attempt_at, delivered_at, "
			+ "created_at";

	private final JdbcClient jdbc;

	public DeliveryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first delivery of an event, whoever the tenant. */
	Optional<DeliveryRecord> find(UUID eventId) {
		return this.jdbc.sql("select " + COLUMNS + " from delivery_log where event_id = :eventId order by id limit 1")
			.param("eventId", eventId)
			.query(DeliveryQueries::map)
			.optional();
	}

	/** The tenant's deliveries of an event (one per target), empty if it has none. */
	public List<DeliveryRecord> ofEvent(String tenantId, UUID eventId) {
		return this.jdbc.sql("select " + COLUMNS + " from delivery_log where event_id = :eventId and tenant_id = :tenantId "
				+ "order by id")
			.param("eventId", eventId)
			.param("tenantId", tenantId)
			.query(DeliveryQueries::map)
			.list();
	}

	/** The attempts of one delivery, in order. */
	public List<DeliveryAttempt> attempts(long deliveryId) {
		return this.jdbc.sql("select attempted_at, status, error, duration_ms from delivery_attempt "
				+ "where delivery_id = :id order by id")
			.param("id", deliveryId)
			.query((rs, row) -> new DeliveryAttempt(DeliveryLog.instant(rs.getObject("attempted_at", OffsetDateTime.class)),
					rs.getObject("status", Integer.class), rs.getString("error"), rs.getLong("duration_ms")))
			.list();
	}

	/**
	 * A page of the tenant's deliveries, newest first.
	 * @param state only in this state, or {@code null}
	 * @param messageId only about this message, or {@code null}
	 * @param eventType only of this type, or {@code null}
	 * @param beforeId only older than this row id (the cursor), or {@code null}
	 * @param limit page size
	 */
	public List<DeliveryRecord> list(String tenantId, DeliveryState state, UUID messageId, String eventType,
			Long beforeId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from delivery_log where tenant_id = :tenantId"
				+ ((state != null) ? " and state = :state" : "") + ((messageId != null) ? " and message_id = :messageId" : "")
				+ ((eventType != null) ? " and event_type = :eventType" : "") + ((beforeId != null) ? " and id < :before" : "")
				+ " order by id desc limit :limit")
			.param("tenantId", tenantId)
			.param("state", (state != null) ? state.name() : null)
			.param("messageId", messageId)
			.param("eventType", eventType)
			.param("before", beforeId)
			.param("limit", limit)
			.query(DeliveryQueries::map)
			.list();
	}

	/**
	 * Queues the tenant's delivered or failed deliveries of an event again (same event id, a new round of
	 * attempts, due now); pending ones are left as they are. Returns how many were queued.
	 */
	public int redeliver(String tenantId, UUID eventId, Instant now) {
		return this.jdbc.sql("""
				update delivery_log set state = 'PENDING', attempts = 0, first_attempt_at = null, last_status = null,
				last_error = null, delivered_at = null, round_started_at = :now, next_attempt_at = :now,
				lease_until = null, leased_by = null
				where event_id = :eventId and tenant_id = :tenantId and state in ('FAILED', 'DELIVERED')
				and body is not null""")
			.param("eventId", eventId)
			.param("tenantId", tenantId)
			.param("now", DeliveryLog.utc(now))
			.update();
	}

	private static DeliveryRecord map(ResultSet rs, int row) throws SQLException {
		return new DeliveryRecord(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
				rs.getObject("message_id", UUID.class), rs.getString("tenant_id"),
				rs.getObject("subscription_id", UUID.class), rs.getString("url"),
				DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
				rs.getObject("last_status", Integer.class), rs.getString("last_error"), time(rs, "first_attempt_at"),
				time(rs, "last_attempt_at"), time(rs, "next_attempt_at"), time(rs, "delivered_at"),
				time(rs, "created_at"));
	}

	private static Instant time(ResultSet rs, String column) throws SQLException {
		return DeliveryLog.instant(rs.getObject(column, OffsetDateTime.class));
	}

}
