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
 */
@ConfigurationProperties("sms.dlr")
public record DlrProperties(Duration pendingReceiptTtl, Duration sweepInterval, Duration republishAfter,
		Duration publishTimeout) {

	public DlrProperties {
		pendingReceiptTtl = (pendingReceiptTtl != null) ? pendingReceiptTtl : Duration.ofDays(3);
		sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofMinutes(1);
		republishAfter = (republishAfter != null) ? republishAfter : Duration.ofSeconds(30);
		publishTimeout = (publishTimeout != null) ? publishTimeout : Duration.ofSeconds(30);
	}

}
