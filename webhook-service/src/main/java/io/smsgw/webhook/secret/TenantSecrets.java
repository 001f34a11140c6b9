package io.smsgw.webhook.secret;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tenants' webhook signing secrets, kept in {@code webhook.tenant_secret} so that they can be
 * rotated at run time (by the API, later). Secret values never leave this class except to sign.
 */
public class TenantSecrets {

	private final JdbcClient jdbc;

	public TenantSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tenant's current secret, if it has one. */
	public Optional<String> find(String tenantId) {
		if (tenantId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select secret from tenant_secret where tenant_id = :tenantId")
			.param("tenantId", tenantId)
			.query(String.class)
			.optional();
	}

	/** Stores a secret for a tenant that has none; returns whether it was stored. */
	public boolean putIfAbsent(String tenantId, String secret, Instant now) {
		return this.jdbc.sql("""
				insert into tenant_secret (tenant_id, secret, created_at, updated_at)
				values (:tenantId, :secret, :now, :now) on conflict (tenant_id) do nothing""")
			.param("tenantId", tenantId)
			.param("secret", secret)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** Sets (or rotates) a tenant's secret. */
	public void put(String tenantId, String secret, Instant now) {
		this.jdbc.sql("""
				insert into tenant_secret (tenant_id, secret, created_at, updated_at)
				values (:tenantId, :secret, :now, :now)
				on conflict (tenant_id) do update set secret = excluded.secret, updated_at = excluded.updated_at""")
			.param("tenantId", tenantId)
			.param("secret", secret)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

}
