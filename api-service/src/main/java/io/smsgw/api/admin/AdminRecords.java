package io.smsgw.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * Bodies and answers of the admin API.
 */
final class AdminRecords {

	private AdminRecords() {
	}

	/** {@code POST /v1/admin/tenants}. */
	record CreateTenant(String id, String name, String defaultRegion, Limits limits) {
	}

	/**
	 * A tenant's own limits and message settings; {@code null} members fall back to the service
	 * defaults.
	 * @param ratePerSecond send requests per second, per instance
	 * @param dailyQuota messages per UTC day
	 * @param maxParts most parts per message (at most the service's own limit)
	 * @param transliterate whether texts are transliterated to stay GSM-7 ({@code null}: false)
	 */
	record Limits(Integer ratePerSecond, Integer dailyQuota, Integer maxParts, Boolean transliterate) {

		/** Limits without a transliteration setting (off). */
		Limits(Integer ratePerSecond, Integer dailyQuota, Integer maxParts) {
			this(ratePerSecond, dailyQuota, maxParts, null);
		}

		/** The transliteration setting, off when not given. */
		boolean transliterateOrDefault() {
			return Boolean.TRUE.equals(this.transliterate);
		}

	}

	/** A tenant as the admin API shows it. */
	record TenantView(String id, String name, String defaultRegion, Limits limits, long messagesToday,
			Instant createdAt) {
	}

	/** {@code POST /v1/admin/tenants/{id}/clients}: the client id is generated when absent. */
	record CreateClient(String clientId, List<String> scopes) {
	}

	/** {@code POST /v1/admin/clients/{clientId}/rotate}: seconds the old secret stays valid (0 revokes it). */
	record Rotate(Long overlapSeconds) {
	}

	/**
	 * A client with its new secret, shown this once.
	 * @param previousSecretValidUntil until when the secret it replaced still works, or {@code null}
	 */
	record IssuedClient(String clientId, String tenantId, String clientSecret, List<String> scopes,
			Instant previousSecretValidUntil) {
	}

	/** A client as the admin API lists it (never with a secret). */
	record ClientView(String clientId, String tenantId, List<String> scopes, boolean enabled, Instant createdAt,
			Instant previousSecretValidUntil) {
	}

}
