package io.smsgw.api.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.smsgw.api.config.ApiProperties;

/**
 * The service's periodic jobs: relaying due scheduled messages (every
 * {@code sms.api.messages.scheduler-poll-interval}), and every 10 minutes deleting expired
 * idempotency keys and daily usage counts older than a week. Each is safe to run on several
 * instances at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MaintenanceJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceJobs.class);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

	private final ScheduledRelay relay;

	private final JdbcTemplate jdbc;

	private final Duration pollInterval;

	MaintenanceJobs(ScheduledRelay relay, JdbcTemplate jdbc, ApiProperties properties) {
		this.relay = relay;
		this.jdbc = jdbc;
		this.pollInterval = properties.messages().schedulerPollInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.relay::relayDue, this.pollInterval);
		registrar.addFixedDelayTask(this::cleanUp, CLEANUP_INTERVAL);
	}

	/** Deletes expired idempotency keys and old usage counts; returns how many keys. */
	int cleanUp() {
		try {
			int keys = this.jdbc.update("DELETE FROM idempotency_key WHERE expires_at < now()");
			this.jdbc.update("DELETE FROM tenant_daily_usage WHERE day < current_date - 7");
			return keys;
		}
		catch (RuntimeException ex) {
			log.warn("Cleaning up idempotency keys failed; retrying later", ex);
			return 0;
		}
	}

}
