package io.smsgw.dlr.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dlr-service's settings ({@code sms.dlr.*}).
 *
 * @param pendingReceiptTtl how long a receipt waits for the MessageSent of its part before it is
 * dropped as unmatched
 * @param sweepInterval how often parked receipts are expired and left-behind statuses published
 * @param republishAfter how old an unpublished status must be before the sweep publishes it
 * @param publishTimeout how long a listener waits for Kafka to acknowledge its status changes
 * @param expiry when messages with no final receipt become EXPIRED
 */
@ConfigurationProperties("sms.dlr")
public record DlrProperties(Duration pendingReceiptTtl, Duration sweepInterval, Duration republishAfter,
		Duration publishTimeout, Expiry expiry) {

	public DlrProperties {
		pendingReceiptTtl = (pendingReceiptTtl != null) ? pendingReceiptTtl : Duration.ofDays(3);
		sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofMinutes(1);
		republishAfter = (republishAfter != null) ? republishAfter : Duration.ofSeconds(30);
		publishTimeout = (publishTimeout != null) ? publishTimeout : Duration.ofSeconds(30);
		expiry = (expiry != null) ? expiry : new Expiry(null, null, null, 0);
	}

	/**
	 * Message expiry ({@code sms.dlr.expiry.*}): a message that is not final by its validity plus
	 * the grace time is moved to EXPIRED.
	 *
	 * @param defaultValidity validity from {@code acceptedAt} of a message accepted without
	 * {@code validUntil}
	 * @param grace time after the validity before the message is expired (a late receipt may still come)
	 * @param interval how often the expiry sweep runs
	 * @param batchSize messages expired per transaction (the sweep repeats until none are left)
	 */
	public record Expiry(Duration defaultValidity, Duration grace, Duration interval, int batchSize) {

		public Expiry {
			defaultValidity = (defaultValidity != null) ? defaultValidity : Duration.ofHours(48);
			grace = (grace != null) ? grace : Duration.ofMinutes(15);
			interval = (interval != null) ? interval : Duration.ofMinutes(1);
			batchSize = (batchSize > 0) ? batchSize : 500;
		}

	}

}
