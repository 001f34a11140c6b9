package io.smsgw.webhook.config;

import java.time.Duration;

/**
 * Limits of tenants' webhook subscriptions ({@code sms.webhook.subscriptions.*}).
 *
 * @param maxPerTenant subscriptions a tenant may have (default 20)
 * @param rotationOverlap how long the previous secret stays valid after a rotation when the request
 * names no overlap (default 24 h)
 * @param maxRotationOverlap the longest overlap a tenant may ask for (default 7 days)
 */
public record Subscriptions(Integer maxPerTenant, Duration rotationOverlap, Duration maxRotationOverlap) {

	public Subscriptions {
		maxPerTenant = (maxPerTenant != null) ? maxPerTenant : 20;
		rotationOverlap = (rotationOverlap != null) ? rotationOverlap : Duration.ofHours(24);
		maxRotationOverlap = WebhookProperties.positive(maxRotationOverlap, Duration.ofDays(7),
				"subscriptions.max-rotation-overlap");
		if (maxPerTenant < 1 || rotationOverlap.isNegative()) {
			throw new IllegalArgumentException(
					"sms.webhook.subscriptions.max-per-tenant must be at least 1 and rotation-overlap not negative");
		}
	}

}
