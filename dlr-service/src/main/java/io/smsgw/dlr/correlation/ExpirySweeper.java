package io.smsgw.dlr.correlation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import io.smsgw.dlr.config.DlrProperties;
import io.smsgw.dlr.publish.DlrMetrics;
import io.smsgw.dlr.publish.StatusPublisher;

/**
 * Expires messages with no final status by their deadline plus the grace time, in bounded
 * batches. Each batch is one transaction that locks its messages with {@code FOR UPDATE SKIP
 * LOCKED} (so several instances, and the listeners, never wait on each other), records EXPIRED
 * like any other status and then publishes it through the {@link StatusPublisher}, exactly as
 * the listeners do: a crash before the publish leaves it to the republish sweep.
 */
public class ExpirySweeper {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

	/** Batches per run at most, so one run never holds the scheduler for long. */
	private static final int MAX_BATCHES = 20;

	private final Correlator correlator;

	private final StatusPublisher publisher;

	private final DlrMetrics metrics;

	private final DlrProperties.Expiry expiry;

	private final Clock clock;

	ExpirySweeper(Correlator correlator, StatusPublisher publisher, DlrMetrics metrics, DlrProperties.Expiry expiry,
			Clock clock) {
		this.correlator = correlator;
		this.publisher = publisher;
		this.metrics = metrics;
		this.expiry = expiry;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${sms.dlr.expiry.interval:PT1M}", initialDelayString = "${sms.dlr.expiry.interval:PT1M}")
	void sweep() {
		try {
			int total = 0;
			for (int batch = 0; batch < MAX_BATCHES; batch++) {
				int expired = expireBatch();
				total += expired;
				if (expired < this.expiry.batchSize()) {
					break;
				}
			}
			if (total > 0) {
				log.info("Expired {} messages with no final receipt", total);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Expiry sweep failed; retried at the next run: {}", ex.getMessage());
		}
	}

	/** Expires one batch and publishes its statuses; returns how many messages it expired. */
	int expireBatch() {
		Instant now = this.clock.instant();
		Correlator.Outcome outcome = this.correlator.expire(now.minus(this.expiry.grace()), now,
				this.expiry.batchSize());
		this.metrics.expired(outcome.touched().size());
		this.publisher.publish(outcome.touched());
		return outcome.touched().size();
	}

}
