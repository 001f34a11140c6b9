package io.smsgw.webhook.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;
import io.smsgw.webhook.config.WebhookProperties;
import io.smsgw.webhook.subscription.SigningSecrets;
import io.smsgw.webhook.subscription.Subscription;
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Tenants' webhook subscriptions: create (the secret is returned once), list, read, update,
 * delete, rotate the secret with an overlap. Another tenant's subscription is not found.
 */
@RestController
@RequestMapping("/v1/webhooks")
class SubscriptionController {

	private final SubscriptionStore store;

	private final SubscriptionValidator validator;

	private final TenantClaims tenants;

	private final WebhookProperties properties;

	private final Clock clock;

	SubscriptionController(SubscriptionStore store, SubscriptionValidator validator, TenantClaims tenants,
			WebhookProperties properties, Clock clock) {
		this.store = store;
		this.validator = validator;
		this.tenants = tenants;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<SubscriptionView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody SubscriptionRequest request) {
		String tenant = this.tenants.tenantOf(jwt);
		var draft = this.validator.draft(request, null);
		int max = this.properties.subscriptions().maxPerTenant();
		if (this.store.count(tenant) >= max) {
			throw new ConflictException("A tenant may have at most " + max + " webhook subscriptions");
		}
		String secret = SigningSecrets.generate();
		Subscription created = this.store.create(tenant, draft, secret, this.clock.instant());
		return ResponseEntity.created(URI.create("/v1/webhooks/" + created.id()))
			.body(SubscriptionView.of(created, secret));
	}

	@GetMapping
	Map<String, List<SubscriptionView>> list(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("items",
				this.store.list(this.tenants.tenantOf(jwt)).stream().map((s) -> SubscriptionView.of(s, null)).toList());
	}

	@GetMapping("/{id}")
	SubscriptionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		return SubscriptionView.of(find(this.tenants.tenantOf(jwt), id), null);
	}

	@PatchMapping("/{id}")
	SubscriptionView update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestBody SubscriptionRequest request) {
		String tenant = this.tenants.tenantOf(jwt);
		var draft = this.validator.draft(request, find(tenant, id));
		return SubscriptionView.of(this.store.update(tenant, id, draft, this.clock.instant())
			.orElseThrow(() -> notFound(id)), null);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		if (!this.store.delete(this.tenants.tenantOf(jwt), id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new secret, returned once; the previous one keeps signing too (callbacks carry both {@code v1})
	 * for {@code overlap} (ISO-8601, default {@code sms.webhook.subscriptions.rotation-overlap}; {@code PT0S}
	 * drops it at once).
	 */
	@PostMapping("/{id}/rotate-secret")
	SubscriptionView rotate(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestBody(required = false) RotateSecretRequest request) {
		String tenant = this.tenants.tenantOf(jwt);
		Duration overlap = (request != null && request.overlap() != null) ? request.overlap()
				: this.properties.subscriptions().rotationOverlap();
		Duration max = this.properties.subscriptions().maxRotationOverlap();
		if (overlap.isNegative() || overlap.compareTo(max) > 0) {
			throw InvalidRequestException.of("overlap", "must be between PT0S and " + max);
		}
		Instant now = this.clock.instant();
		String secret = SigningSecrets.generate();
		Subscription rotated = this.store.rotate(tenant, id, secret, overlap.isZero() ? null : now.plus(overlap), now)
			.orElseThrow(() -> notFound(id));
		return SubscriptionView.of(rotated, secret);
	}

	private Subscription find(String tenant, UUID id) {
		return this.store.find(tenant, id).orElseThrow(() -> notFound(id));
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("No webhook subscription " + id);
	}

	/** @param overlap how long the previous secret keeps signing (ISO-8601 duration) */
	record RotateSecretRequest(Duration overlap) {
	}

}
