package io.smsgw.api.limit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.web.TooManyRequestsException;

/**
 * A tenant's send limits: a rate limit of send requests per second (a Resilience4j rate limiter
 * per tenant, held by each instance, so the whole service allows the rate times its instances) and
 * a daily quota of messages, counted in PostgreSQL and so shared by all instances.
 */
@Component
public class TenantLimits {

	private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

	private final ApiProperties.Limits defaults;

	private final JdbcTemplate jdbc;

	TenantLimits(ApiProperties properties, JdbcTemplate jdbc) {
		this.defaults = properties.limits();
		this.jdbc = jdbc;
	}

	/**
	 * Takes one send request from the tenant's rate.
	 * @throws TooManyRequestsException when the tenant's rate is used up
	 */
	public void acquireRequest(Tenant tenant) {
		int rate = (tenant.getRatePerSecond() != null) ? tenant.getRatePerSecond() : this.defaults.ratePerSecond();
		// the name carries the rate, so that a changed limit takes a fresh limiter
		RateLimiter limiter = this.limiters.rateLimiter(tenant.getId() + "@" + rate,
				() -> RateLimiterConfig.custom()
					.limitForPeriod(rate)
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build());
		if (!limiter.acquirePermission()) {
			throw new TooManyRequestsException("The rate limit of " + rate + " send requests per second is used up",
					waitOf(limiter));
		}
	}

	private static Duration waitOf(RateLimiter limiter) {
		if (limiter instanceof AtomicRateLimiter atomic) {
			return Duration.ofNanos(Math.max(0, atomic.getDetailedMetrics().getNanosToWait()));
		}
		return Duration.ofSeconds(1);
	}

	/**
	 * Counts messages against the tenant's daily quota (UTC days); call in the transaction that
	 * stores them, so that a refused or failed request counts nothing. Locks the tenant's usage row
	 * until that transaction ends.
	 * @throws TooManyRequestsException when the messages do not fit in what is left of the day
	 */
	public void consumeDailyQuota(Tenant tenant, int messages) {
		Integer quota = (tenant.getDailyQuota() != null) ? tenant.getDailyQuota() : this.defaults.dailyQuota();
		if (quota == null || messages == 0) {
			return;
		}
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		LocalDate day = now.toLocalDate();
		Long used = this.jdbc.queryForObject("INSERT INTO tenant_daily_usage (tenant_id, day, messages) "
				+ "VALUES (?, ?, ?) ON CONFLICT (tenant_id, day) "
				+ "DO UPDATE SET messages = tenant_daily_usage.messages + EXCLUDED.messages RETURNING messages",
				Long.class, tenant.getId(), day, messages);
		if (used != null && used > quota) {
			Duration untilMidnight = Duration.between(now, day.plusDays(1).atStartOfDay(ZoneOffset.UTC));
			throw new TooManyRequestsException("The daily quota of " + quota + " messages is used up ("
					+ (used - messages) + " sent today, " + messages + " more asked for)", untilMidnight);
		}
	}

	/** Messages counted for the tenant today (UTC). */
	public long usedToday(String tenantId) {
		Long used = this.jdbc.queryForObject(
				"SELECT coalesce(sum(messages), 0) FROM tenant_daily_usage WHERE tenant_id = ? AND day = ?",
				Long.class, tenantId, LocalDate.now(ZoneOffset.UTC));
		return (used != null) ? used : 0;
	}

}
