package io.smsgw.dlr.correlation;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import io.smsgw.dlr.publish.DlrMetrics;
import io.smsgw.dlr.publish.StatusPublisher;

/**
 * Housekeeping on a fixed delay: drops parked receipts that waited longer than their time to
 * live (counted as unmatched), and publishes statuses a failed publish left behind.
 */
public class PendingReceiptSweeper {

	private static final Logger log = LoggerFactory.getLogger(PendingReceiptSweeper.class);

	private final ReceiptStore receipts;

	private final StatusPublisher publisher;

	private final DlrMetrics metrics;

	private final Duration pendingTtl;

	private final Duration republishAfter;

	private final Clock clock;

	PendingReceiptSweeper(ReceiptStore receipts, StatusPublisher publisher, DlrMetrics metrics, Duration pendingTtl,
			Duration republishAfter, Clock clock) {
		this.receipts = receipts;
		this.publisher = publisher;
		this.metrics = metrics;
		this.pendingTtl = pendingTtl;
		this.republishAfter = republishAfter;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${sms.dlr.sweep-interval:PT1M}", initialDelayString = "${sms.dlr.sweep-interval:PT1M}")
	void sweep() {
		try {
			int expired = this.receipts.expireParked(this.clock.instant().minus(this.pendingTtl));
			this.metrics.receipts("unmatched", expired);
			int republished = this.publisher.publishStale(this.clock.instant().minus(this.republishAfter));
			if (expired > 0 || republished > 0) {
				log.info("Dropped {} receipts that never matched; published {} statuses left behind", expired,
						republished);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sweep failed; retried at the next run: {}", ex.getMessage());
		}
	}

}
