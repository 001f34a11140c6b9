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
		Integer quota = quotaOf(tenant);
		if (quota == null || messages == 0) {
			return;
		}
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		long used = add(tenant, now.toLocalDate(), messages);
		if (used > quota) {
			throw usedUp(quota, used - messages, messages, now);
		}
	}

	/**
	 * Counts as many of {@code messages} as fit in what is left of the tenant's daily quota, in
	 * the caller's transaction (which holds the tenant's usage row until it ends): the messages of
	 * several independent requests, of which only those that do not fit are refused.
	 * @return how many fit (all of them without a quota), and how to refuse the others
	 */
	public QuotaGrant consumeDailyQuotaUpTo(Tenant tenant, int messages) {
		Integer quota = quotaOf(tenant);
		if (quota == null || messages == 0) {
			return new QuotaGrant(messages, 0, 0, null);
		}
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		LocalDate day = now.toLocalDate();
		long used = add(tenant, day, messages);
		if (used <= quota) {
			return new QuotaGrant(messages, quota, used, now);
		}
		long before = used - messages;
		int granted = (int) Math.max(0, Math.min(messages, quota - before));
		this.jdbc.update("UPDATE tenant_daily_usage SET messages = messages - ? WHERE tenant_id = ? AND day = ?",
				messages - granted, tenant.getId(), day);
		return new QuotaGrant(granted, quota, before + granted, now);
	}

	private Integer quotaOf(Tenant tenant) {
		return (tenant.getDailyQuota() != null) ? tenant.getDailyQuota() : this.defaults.dailyQuota();
	}

	/** Adds to the tenant's count of the day, locking its row; returns the new count. */
	private long add(Tenant tenant, LocalDate day, int messages) {
		Long used = this.jdbc.queryForObject("INSERT INTO tenant_daily_usage (tenant_id, day, messages) "
				+ "VALUES (?, ?, ?) ON CONFLICT (tenant_id, day) "
				+ "DO UPDATE SET messages = tenant_daily_usage.messages + EXCLUDED.messages RETURNING messages",
				Long.class, tenant.getId(), day, messages);
		return (used != null) ? used : 0;
	}

	private static TooManyRequestsException usedUp(int quota, long sent, int asked, ZonedDateTime now) {
		Duration untilMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
		return new TooManyRequestsException("The daily quota of " + quota + " messages is used up (" + sent
				+ " sent today, " + asked + " more asked for)", untilMidnight);
	}

	/** Messages counted for the tenant today (UTC). */
	public long usedToday(String tenantId) {
		Long used = this.jdbc.queryForObject(
				"SELECT coalesce(sum(messages), 0) FROM tenant_daily_usage WHERE tenant_id = ? AND day = ?",
				Long.class, tenantId, LocalDate.now(ZoneOffset.UTC));
		return (used != null) ? used : 0;
	}

	/**
	 * What {@link #consumeDailyQuotaUpTo} counted.
	 * @param granted how many messages fit and were counted
	 * @param quota the tenant's daily quota
	 * @param sent messages counted today, these included
	 * @param at when they were counted
	 */
	public record QuotaGrant(int granted, int quota, long sent, ZonedDateTime at) {

		/** The answer to a request of one message that did not fit (a new exception each time). */
		public TooManyRequestsException refusal() {
			return usedUp(this.quota, this.sent, 1, this.at);
		}

	}

}
