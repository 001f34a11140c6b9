package io.smsgw.api.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Tenant look-ups on the request path, cached for a minute so that message intake does not hit
 * the tenant table on every request.
 */
@Component
public class TenantDirectory {

	private static final Duration TTL = Duration.ofMinutes(1);

	private final TenantRepository tenants;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	TenantDirectory(TenantRepository tenants) {
		this.tenants = tenants;
		this.clock = Clock.systemUTC();
	}

	/** The tenant with this id, if it exists. */
	public Optional<Tenant> find(String tenantId) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(tenantId);
		if (cached != null && cached.expiresAt().isAfter(now)) {
			return Optional.of(cached.tenant());
		}
		Optional<Tenant> tenant = this.tenants.findById(tenantId);
		tenant.ifPresentOrElse((t) -> this.cache.put(tenantId, new Cached(t, now.plus(TTL))),
				() -> this.cache.remove(tenantId));
		return tenant;
	}

	/** Forgets a cached tenant, after a change through this instance (others see it within a minute). */
	public void evict(String tenantId) {
		this.cache.remove(tenantId);
	}

	private record Cached(Tenant tenant, Instant expiresAt) {
	}

}
