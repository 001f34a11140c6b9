package io.smsgw.webhook.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smsgw.webhook.secret.TenantSecrets;
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Looks up the signing secrets of claimed deliveries, once per subscription or tenant per claimed
 * batch (not once per attempt): a subscription's current secrets (two during a rotation's overlap),
 * or the tenant's secret for a message's own callback URL.
 */
public class SigningKeys {

	private final TenantSecrets tenants;

	private final SubscriptionStore subscriptions;

	public SigningKeys(TenantSecrets tenants, SubscriptionStore subscriptions) {
		this.tenants = tenants;
		this.subscriptions = subscriptions;
	}

	/** The claimed deliveries with their secrets. */
	List<Claimed> of(List<DeliveryJob> jobs, Instant now) {
		Map<UUID, List<String>> bySubscription = new HashMap<>();
		Map<String, List<String>> byTenant = new HashMap<>();
		List<Claimed> claimed = new ArrayList<>(jobs.size());
		for (DeliveryJob job : jobs) {
			List<String> secrets = (job.subscriptionId() != null)
					? bySubscription.computeIfAbsent(job.subscriptionId(), (id) -> this.subscriptions.signingSecrets(id, now))
					: byTenant.computeIfAbsent(job.tenantId(),
							(tenant) -> this.tenants.find(tenant).map(List::of).orElse(List.of()));
			claimed.add(new Claimed(job, secrets));
		}
		return claimed;
	}

}
