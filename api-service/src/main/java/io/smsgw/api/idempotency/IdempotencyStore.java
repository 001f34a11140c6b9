package io.smsgw.api.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.config.ApiProperties;

/**
 * The {@code idempotency_key} table: per tenant and key, the hash of the first request and, once
 * it is answered, its response. A row without a status is a request still in progress.
 */
@Component
class IdempotencyStore {

	private final JdbcTemplate jdbc;

	private final Duration ttl;

	IdempotencyStore(JdbcTemplate jdbc, ApiProperties properties) {
		this.jdbc = jdbc;
		this.ttl = properties.messages().idempotencyTtl();
	}

	/**
	 * Claims the key for a new request, or returns what is stored for it.
	 * @return {@code null} when this request now owns the key
	 */
	Stored claim(String tenantId, String key, String requestHash) {
		Instant now = Instant.now();
		this.jdbc.update("DELETE FROM idempotency_key WHERE tenant_id = ? AND key = ? AND expires_at < ?", tenantId,
				key, now.atOffset(ZoneOffset.UTC));
		int claimed = this.jdbc.update("INSERT INTO idempotency_key (tenant_id, key, request_hash, expires_at) "
				+ "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, key) DO NOTHING", tenantId, key, requestHash,
				now.plus(this.ttl).atOffset(ZoneOffset.UTC));
		if (claimed == 1) {
			return null;
		}
		List<Stored> stored = this.jdbc.query("SELECT request_hash, status_code, content_type, location, body "
				+ "FROM idempotency_key WHERE tenant_id = ? AND key = ?",
				(rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
						rs.getString(5)),
				tenantId, key);
		// deleted in between by an expiry: treat as in progress, the client retries
		return stored.isEmpty() ? new Stored(requestHash, null, null, null, null) : stored.get(0);
	}

	/** Remembers the response of the request that owns the key. */
	void complete(String tenantId, String key, int status, String contentType, String location, String body) {
		this.jdbc.update("UPDATE idempotency_key SET status_code = ?, content_type = ?, location = ?, body = ? "
				+ "WHERE tenant_id = ? AND key = ?", status, contentType, location, body, tenantId, key);
	}

	/** Gives the key up, so that the request may be tried again (after a failure not worth remembering). */
	void release(String tenantId, String key) {
		this.jdbc.update("DELETE FROM idempotency_key WHERE tenant_id = ? AND key = ? AND status_code IS NULL",
				tenantId, key);
	}

	/** What is stored for a key. */
	record Stored(String requestHash, Integer status, String contentType, String location, String body) {

		boolean inProgress() {
			return this.status == null;
		}

	}

}
