package io.smsgw.webhook.config;

import java.time.Duration;

/**
 * The circuit breaker of each endpoint (host and port) ({@code sms.webhook.breaker.*}): while it is
 * open, that endpoint's deliveries wait; nobody else's do.
 *
 * @param failureRateThreshold percentage of failed attempts (non-2xx, no answer) that opens it (default 50)
 * @param slidingWindow number of recent attempts judged (default 20)
 * @param minimumCalls attempts needed before the rate is judged (default 10)
 * @param waitInOpen how long it stays open before letting probes through (default 30 s)
 * @param halfOpenCalls probe attempts let through when half open (default 2)
 */
public record Breaker(Float failureRateThreshold, Integer slidingWindow, Integer minimumCalls, Duration waitInOpen,
		Integer halfOpenCalls) {

	public Breaker {
		failureRateThreshold = (failureRateThreshold != null) ? failureRateThreshold : 50f;
		slidingWindow = (slidingWindow != null) ? slidingWindow : 20;
		minimumCalls = (minimumCalls != null) ? minimumCalls : 10;
		waitInOpen = WebhookProperties.positive(waitInOpen, Duration.ofSeconds(30), "breaker.wait-in-open");
		halfOpenCalls = (halfOpenCalls != null) ? halfOpenCalls : 2;
		if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
			throw new IllegalArgumentException("sms.webhook.breaker.failure-rate-threshold must be in (0, 100]");
		}
		if (slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
			throw new IllegalArgumentException(
					"sms.webhook.breaker.sliding-window, minimum-calls and half-open-calls must be at least 1");
		}
	}

}
