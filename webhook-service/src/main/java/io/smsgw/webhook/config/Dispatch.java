package io.smsgw.webhook.config;

import java.time.Duration;

/**
 * How the dispatcher claims and sends due deliveries ({@code sms.webhook.dispatch.*}).
 *
 * @param pollInterval how often the queue is looked at when nothing woke the dispatcher (default 500 ms)
 * @param batchSize most deliveries claimed per look (default 100)
 * @param maxConcurrency HTTP attempts in flight at once, all endpoints together (default 128)
 * @param maxPerEndpoint HTTP attempts in flight at once to one endpoint (host and port) (default 64)
 * @param lease how long a claimed delivery is reserved for this instance; another instance takes it
 * over after that (default 2 min; keep it above connect + read timeout)
 * @param instanceId this instance's name in the leases (default host name and a random suffix)
 */
public record Dispatch(Duration pollInterval, Integer batchSize, Integer maxConcurrency, Integer maxPerEndpoint,
		Duration lease, String instanceId) {

	public Dispatch {
		pollInterval = WebhookProperties.positive(pollInterval, Duration.ofMillis(500), "dispatch.poll-interval");
		batchSize = atLeastOne(batchSize, 100, "batch-size");
		maxConcurrency = atLeastOne(maxConcurrency, 128, "max-concurrency");
		maxPerEndpoint = atLeastOne(maxPerEndpoint, 64, "max-per-endpoint");
		lease = WebhookProperties.positive(lease, Duration.ofMinutes(2), "dispatch.lease");
		instanceId = (instanceId != null && !instanceId.isBlank()) ? instanceId : defaultInstanceId();
	}

	private static int atLeastOne(Integer value, int fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value < 1) {
			throw new IllegalArgumentException("sms.webhook.dispatch." + name + " must be at least 1");
		}
		return value;
	}

	private static String defaultInstanceId() {
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			host = "webhook";
		}
		return host + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
	}

}
