package io.smsgw.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the API service ({@code sms.api.*}).
 *
 * @param maxRequestSize largest request body accepted; larger ones are answered 413
 * @param messages message intake settings
 * @param jwt token issuing and validation
 * @param outbox outbox relay settings
 * @param seed tenants and clients created at start-up when absent
 * @param limits default per-tenant limits (a tenant's own limits override them)
 * @param clients API client management by the admin API
 * @param inbound inbound (MO) messages: the default STOP/START/HELP keywords
 * @param intake how single sends are stored: grouped into shared transactions
 */
@Validated
@ConfigurationProperties("sms.api")
public record ApiProperties(DataSize maxRequestSize, @Valid Messages messages, @Valid Jwt jwt, @Valid Outbox outbox,
		@Valid Seed seed, @Valid Limits limits, @Valid Clients clients, @Valid Inbound inbound,
		@Valid Intake intake) {

	public ApiProperties {
		maxRequestSize = (maxRequestSize != null) ? maxRequestSize : DataSize.ofKilobytes(64);
		messages = (messages != null) ? messages : new Messages(null, null, null, null, null, null);
		jwt = (jwt != null) ? jwt : new Jwt(null, null, null, null, null, null, null, null, null, null);
		outbox = (outbox != null) ? outbox : new Outbox(null, null, null);
		seed = (seed != null) ? seed : new Seed(null, null, null, null, null, null, null);
		limits = (limits != null) ? limits : new Limits(null, null);
		clients = (clients != null) ? clients : new Clients(null, null);
		inbound = (inbound != null) ? inbound : new Inbound(null);
		intake = (intake != null) ? intake : new Intake(null, null, null, null);
	}

	/**
	 * @param maxParts most parts a message may be split into (1 to 255, default 10)
	 * @param maxBatchSize most messages in one batch request (default 1000)
	 * @param maxValidity longest validity period a message may ask for (default 7 days)
	 * @param maxScheduleAhead how far ahead {@code sendAt} may be (default 30 days)
	 * @param schedulerPollInterval how often due scheduled messages are looked for (default 1 s)
	 * @param idempotencyTtl how long an {@code Idempotency-Key} answer is replayed (default 24 h)
	 */
	public record Messages(@Min(1) @Max(255) Integer maxParts, @Min(1) @Max(10000) Integer maxBatchSize,
			Duration maxValidity, Duration maxScheduleAhead, Duration schedulerPollInterval,
			Duration idempotencyTtl) {

		public Messages {
			maxParts = (maxParts != null) ? maxParts : 10;
			maxBatchSize = (maxBatchSize != null) ? maxBatchSize : 1000;
			maxValidity = (maxValidity != null) ? maxValidity : Duration.ofDays(7);
			maxScheduleAhead = (maxScheduleAhead != null) ? maxScheduleAhead : Duration.ofDays(30);
			schedulerPollInterval = (schedulerPollInterval != null) ? schedulerPollInterval : Duration.ofSeconds(1);
			idempotencyTtl = (idempotencyTtl != null) ? idempotencyTtl : Duration.ofHours(24);
		}

	}

	/**
	 * Limits for tenants that set none of their own.
	 * @param ratePerSecond send requests per second and tenant, per instance (default 50)
	 * @param dailyQuota messages per tenant and UTC day, or none (the default) for no quota
	 */
	public record Limits(@Min(1) Integer ratePerSecond, @Min(1) Integer dailyQuota) {

		public Limits {
			ratePerSecond = (ratePerSecond != null) ? ratePerSecond : 50;
		}

	}

	/**
	 * @param rotationOverlap how long the old secret stays valid after a rotation that does not
	 * say (default 1 hour; 0 revokes it at once)
	 * @param maxRotationOverlap the longest overlap a rotation may ask for (default 7 days)
	 */
	public record Clients(Duration rotationOverlap, Duration maxRotationOverlap) {

		public Clients {
			rotationOverlap = (rotationOverlap != null) ? rotationOverlap : Duration.ofHours(1);
			maxRotationOverlap = (maxRotationOverlap != null) ? maxRotationOverlap : Duration.ofDays(7);
		}

	}

	/**
	 * @param tokenTtl lifetime of issued access tokens (default 15 minutes)
	 * @param tenantClaim the claim that names the tenant (default {@code tenant_id})
	 * @param issuerUri an external issuer (Keycloak, Auth0…) whose tokens are accepted instead
	 * of the service's own
	 * @param jwkSetUri an external JWK set to validate tokens with instead of the service's key
	 * @param privateKeyLocation PEM (PKCS#8) file with the RSA signing key
	 * @param privateKey the PEM (PKCS#8) RSA signing key itself
	 * @param keyId the {@code kid} of the signing key (default: its JWK thumbprint)
	 * @param issuer the fixed {@code iss} of the service's own tokens (e.g. its public URL); when
	 * set, own tokens with another {@code iss} are refused (default: the URL a client asked, not
	 * checked)
	 * @param verifiedCacheSize most verified access tokens remembered, so that a token's signature
	 * is checked once rather than on every request (default 10000; 0: every request is verified)
	 * @param verifiedCacheTtl longest time a verified token is used from memory (default 5 minutes;
	 * it is never used past its expiry)
	 */
	public record Jwt(Duration tokenTtl, String tenantClaim, String issuerUri, String jwkSetUri,
			Resource privateKeyLocation, String privateKey, String keyId, String issuer,
			@Min(0) Integer verifiedCacheSize, Duration verifiedCacheTtl) {

		public Jwt {
			tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofMinutes(15);
			tenantClaim = (tenantClaim != null && !tenantClaim.isBlank()) ? tenantClaim : "tenant_id";
			verifiedCacheSize = (verifiedCacheSize != null) ? verifiedCacheSize : 10_000;
			verifiedCacheTtl = (verifiedCacheTtl != null) ? verifiedCacheTtl : Duration.ofMinutes(5);
		}

		/** Whether tokens of an external issuer are validated instead of the service's own. */
		public boolean external() {
			return hasText(this.issuerUri) || hasText(this.jwkSetUri);
		}

	}

	/**
	 * @param batchSize most rows relayed in one batch (default 500)
	 * @param pollInterval pause between polls when no commit woke the relay (default 100 ms)
	 * @param sendTimeout longest wait for Kafka to acknowledge a batch (default 30 s)
	 */
	public record Outbox(@Min(1) @Max(10000) Integer batchSize, Duration pollInterval, Duration sendTimeout) {

		public Outbox {
			batchSize = (batchSize != null) ? batchSize : 500;
			pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMillis(100);
			sendTimeout = (sendTimeout != null) ? sendTimeout : Duration.ofSeconds(30);
		}

	}

	/**
	 * Group commit of single sends: concurrent requests waiting to be stored share one
	 * transaction (and one fsync'd commit); each request is answered after its group committed.
	 * @param groupCommit whether single sends are grouped (default true); off, each one is its own
	 * transaction
	 * @param maxGroup most sends stored in one transaction (default 200)
	 * @param queueCapacity most sends waiting for a writer; more are answered 503 (default 2000)
	 * @param writers threads storing groups, each in its own transaction (default 2)
	 */
	public record Intake(Boolean groupCommit, @Min(1) @Max(10000) Integer maxGroup, @Min(1) Integer queueCapacity,
			@Min(1) @Max(64) Integer writers) {

		public Intake {
			groupCommit = (groupCommit != null) ? groupCommit : Boolean.TRUE;
			maxGroup = (maxGroup != null) ? maxGroup : 200;
			queueCapacity = (queueCapacity != null) ? queueCapacity : 2000;
			writers = (writers != null) ? writers : 2;
		}

	}

	/**
	 * One tenant with one client; {@link #tenants()} adds more (a tenant id may repeat to give it
	 * several clients).
	 */
	public record Seed(String tenantId, String tenantName, String clientId, String clientSecret,
			String defaultRegion, List<String> scopes, List<@Valid SeedTenant> tenants) {

		public Seed {
			tenants = (tenants != null) ? List.copyOf(tenants) : List.of();
		}

		/** Every tenant to seed: the single one (when given) and the list. */
		public List<SeedTenant> all() {
			if (!hasText(this.tenantId)) {
				return this.tenants;
			}
			List<SeedTenant> all = new java.util.ArrayList<>();
			all.add(new SeedTenant(this.tenantId, this.tenantName, this.defaultRegion, this.clientId,
					this.clientSecret, this.scopes));
			all.addAll(this.tenants);
			return all;
		}

	}

	/**
	 * @param tenantId the tenant's id
	 * @param tenantName its display name (default: the id)
	 * @param defaultRegion ISO 3166 region for national numbers, or none to accept international only
	 * @param clientId an API client of the tenant, or none
	 * @param clientSecret the client's secret (stored hashed, never logged)
	 * @param scopes the client's scopes (default: messages:send, messages:read and webhooks:manage)
	 */
	public record SeedTenant(String tenantId, String tenantName, String defaultRegion, String clientId,
			String clientSecret, List<String> scopes) {

		public SeedTenant {
			tenantName = hasText(tenantName) ? tenantName : tenantId;
			scopes = (scopes != null && !scopes.isEmpty()) ? List.copyOf(scopes)
					: List.of("messages:send", "messages:read", "webhooks:manage");
		}

	}

	/**
	 * @param keywords the STOP/START/HELP keywords per language (e.g. {@code en}) for tenants that
	 * set none of their own; a language given here replaces the built-in one, the others stay
	 */
	public record Inbound(Map<String, @Valid KeywordWords> keywords) {

		public Inbound {
			keywords = (keywords != null) ? Map.copyOf(keywords) : Map.of();
		}

	}

	/**
	 * The keywords of one language; each is matched against the first word of an inbound message,
	 * case-insensitively and with accents folded.
	 * @param stop keywords that opt the sender out (suppression)
	 * @param start keywords that opt the sender back in
	 * @param help keywords that ask for help (nothing changes)
	 */
	public record KeywordWords(List<String> stop, List<String> start, List<String> help) {

		public KeywordWords {
			stop = (stop != null) ? List.copyOf(stop) : List.of();
			start = (start != null) ? List.copyOf(start) : List.of();
			help = (help != null) ? List.copyOf(help) : List.of();
		}

	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
