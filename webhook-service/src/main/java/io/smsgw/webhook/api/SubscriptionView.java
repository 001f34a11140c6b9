package io.smsgw.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smsgw.webhook.http.Urls;
import io.smsgw.webhook.subscription.Subscription;

/**
 * A subscription as the API shows it. {@code secret} is only present in the answers to creation
 * and rotation: it is never shown again.
 *
 * @param id the subscription id
 * @param url the endpoint
 * @param eventTypes the event types sent
 * @param statuses the statuses sent for {@code message.status} (empty: all)
 * @param description the tenant's note
 * @param enabled whether events are sent
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param previousSecretExpiresAt until when the previous secret also signs, after a rotation
 * @param secret the signing secret, only right after creation or rotation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(UUID id, String url, List<String> eventTypes, List<String> statuses, String description,
		boolean enabled, Instant createdAt, Instant updatedAt, Instant previousSecretExpiresAt, String secret) {

	static SubscriptionView of(Subscription subscription, String secret) {
		return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventTypes(),
				subscription.statuses().stream().map((status) -> status.name().toLowerCase(Locale.ROOT)).toList(),
				subscription.description(), subscription.enabled(), subscription.createdAt(), subscription.updatedAt(),
				subscription.previousSecretExpiresAt(), secret);
	}

	/** Without the secret and the URL's query, fragment and user info (for logs). */
	@Override
	public String toString() {
		return "SubscriptionView[id=" + this.id + ", url=" + Urls.redact(this.url) + ", eventTypes=" + this.eventTypes
				+ ", enabled=" + this.enabled + ", secret=" + ((this.secret != null) ? "***" : null) + "]";
	}

}
