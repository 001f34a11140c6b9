package io.smsgw.webhook.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.smsgw.common.event.MessageStatus;

/**
 * Subscriptions in {@code webhook.subscription}, always read and changed within one tenant. Secrets
 * are written here and read only to sign ({@link #signingSecrets}); a rotation is one update, so a
 * callback is signed either with the old secret alone or with both.
 */
public class SubscriptionStore {

	private static final String COLUMNS = "id, tenant_id, url, event_types, statuses, description, enabled, "
			+ "created_at, updated_at, previous_secret_expires_at";

	private final JdbcClient jdbc;

	public SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new subscription with its first secret. */
	public Subscription create(String tenantId, SubscriptionDraft draft, String secret, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into subscription (id, tenant_id, url, event_types, statuses, description, enabled, secret,
				created_at, updated_at) values (:id, :tenantId, :url, :types, :statuses, :description, :enabled,
				:secret, :now, :now)""")
			.param("id", id)
			.param("tenantId", tenantId)
			.params(draftParams(draft))
			.param("secret", secret)
			.param("now", utc(now))
			.update();
		return find(tenantId, id).orElseThrow();
	}

	/** The tenant's subscriptions, oldest first. */
	public List<Subscription> list(String tenantId) {
		return this.jdbc.sql("select " + COLUMNS + " from subscription where tenant_id = :tenantId order by created_at, id")
			.param("tenantId", tenantId)
			.query(SubscriptionStore::map)
			.list();
	}

	/** How many subscriptions the tenant has. */
	public int count(String tenantId) {
		return this.jdbc.sql("select count(*) from subscription where tenant_id = :tenantId")
			.param("tenantId", tenantId)
			.query(Integer.class)
			.single();
	}

	/** One of the tenant's subscriptions (another tenant's is not found). */
	public Optional<Subscription> find(String tenantId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from subscription where tenant_id = :tenantId and id = :id")
			.param("tenantId", tenantId)
			.param("id", id)
			.query(SubscriptionStore::map)
			.optional();
	}

	/** Replaces the tenant-settable fields; empty when the tenant has no such subscription. */
	public Optional<Subscription> update(String tenantId, UUID id, SubscriptionDraft draft, Instant now) {
		int updated = this.jdbc.sql("""
				update subscription set url = :url, event_types = :types, statuses = :statuses,
				description = :description, enabled = :enabled, updated_at = :now
				where tenant_id = :tenantId and id = :id""")
			.param("tenantId", tenantId)
			.param("id", id)
			.params(draftParams(draft))
			.param("now", utc(now))
			.update();
		return (updated == 1) ? find(tenantId, id) : Optional.empty();
	}

	/** Deletes a subscription; whether the tenant had it. */
	public boolean delete(String tenantId, UUID id) {
		return this.jdbc.sql("delete from subscription where tenant_id = :tenantId and id = :id")
			.param("tenantId", tenantId)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Makes {@code secret} the signing secret; the current one keeps signing alongside until
	 * {@code previousUntil} ({@code null}: dropped now).
	 */
	public Optional<Subscription> rotate(String tenantId, UUID id, String secret, Instant previousUntil,
			Instant now) {
		int updated = this.jdbc.sql("""
				update subscription set previous_secret = case when cast(:until as timestamptz) is null then null else secret end,
				previous_secret_expires_at = :until, secret = :secret, updated_at = :now
				where tenant_id = :tenantId and id = :id""")
			.param("tenantId", tenantId)
			.param("id", id)
			.param("secret", secret)
			.param("until", (previousUntil != null) ? utc(previousUntil) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("now", utc(now))
			.update();
		return (updated == 1) ? find(tenantId, id) : Optional.empty();
	}

	/** The secrets that sign the subscription's callbacks now: the current one, then the previous one during an overlap. */
	public List<String> signingSecrets(UUID id, Instant now) {
		return this.jdbc.sql("select secret, previous_secret, previous_secret_expires_at from subscription where id = :id")
			.param("id", id)
			.query((rs, row) -> {
				List<String> secrets = new ArrayList<>(List.of(rs.getString("secret")));
				OffsetDateTime until = rs.getObject("previous_secret_expires_at", OffsetDateTime.class);
				String previous = rs.getString("previous_secret");
				if (previous != null && until != null && until.toInstant().isAfter(now)) {
					secrets.add(previous);
				}
				return secrets;
			})
			.optional()
			.orElse(List.of());
	}

	/** The tenant's enabled subscriptions that want this event. */
	public List<Subscription> matching(String tenantId, String eventType, MessageStatus status) {
		return this.jdbc.sql("select " + COLUMNS + " from subscription where tenant_id = :tenantId and enabled "
				+ "order by created_at, id")
			.param("tenantId", tenantId)
			.query(SubscriptionStore::map)
			.list()
			.stream()
			.filter((subscription) -> subscription.wants(eventType, status))
			.toList();
	}

	private static java.util.Map<String, Object> draftParams(SubscriptionDraft draft) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("url", draft.url());
		params.put("types", String.join(",", draft.eventTypes()));
		params.put("statuses", draft.statuses().isEmpty() ? null
				: String.join(",", draft.statuses().stream().map(MessageStatus::name).toList()));
		params.put("description", draft.description());
		params.put("enabled", draft.enabled());
		return params;
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		String statuses = rs.getString("statuses");
		return new Subscription(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("url"),
				Arrays.asList(rs.getString("event_types").split(",")),
				(statuses == null) ? List.of() : Arrays.stream(statuses.split(",")).map(MessageStatus::valueOf).toList(),
				rs.getString("description"), rs.getBoolean("enabled"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "previous_secret_expires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
