package io.smsgw.webhook.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.smsgw.webhook.http.Cidr;

/**
 * Settings of the webhook service ({@code sms.webhook.*}).
 *
 * @param signingSecrets tenant id to signing secret; seeded into the database at start (a
 * tenant's secret already stored there is kept, so that rotation through the API wins)
 * @param http how callbacks are sent
 * @param retry how failed callbacks are retried
 * @param allowedNetworks CIDRs (or single addresses) callbacks may reach although they are
 * loopback, private, link-local… (SSRF protection; default none)
 * @param allowLoopback whether callbacks may reach loopback addresses (default false; the local
 * stack sets it)
 * @param dispatch how due deliveries are claimed and sent
 * @param breaker the per-endpoint circuit breakers
 * @param security the subscription API's token validation
 * @param subscriptions limits of tenants' subscriptions and secret rotation
 */
@ConfigurationProperties("sms.webhook")
public record WebhookProperties(Map<String, String> signingSecrets, Http http, Retry retry,
		List<String> allowedNetworks, Boolean allowLoopback, Dispatch dispatch, Breaker breaker, Security security,
		Subscriptions subscriptions) {

	public WebhookProperties {
		signingSecrets = (signingSecrets != null) ? Map.copyOf(signingSecrets) : Map.of();
		http = (http != null) ? http : new Http(null, null, null);
		retry = (retry != null) ? retry : new Retry(null, null, null, null, null);
		allowedNetworks = (allowedNetworks != null) ? List.copyOf(allowedNetworks) : List.of();
		allowLoopback = (allowLoopback != null) ? allowLoopback : Boolean.FALSE;
		dispatch = (dispatch != null) ? dispatch : new Dispatch(null, null, null, null, null, null);
		breaker = (breaker != null) ? breaker : new Breaker(null, null, null, null, null);
		security = (security != null) ? security : new Security(null, null, null, null);
		subscriptions = (subscriptions != null) ? subscriptions : new Subscriptions(null, null, null);
		allowedNetworks.forEach((network) -> {
			try {
				Cidr.parse(network);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("sms.webhook.allowed-networks: " + ex.getMessage(), ex);
			}
		});
		signingSecrets.forEach((tenant, secret) -> {
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException("sms.webhook.signing-secrets." + tenant + " is empty");
			}
		});
	}

	/** Never prints the secrets, only which tenants have one. */
	@Override
	public String toString() {
		return "WebhookProperties[signingSecrets=" + this.signingSecrets.keySet() + " (values hidden), http="
				+ this.http + ", retry=" + this.retry + ", allowedNetworks=" + this.allowedNetworks + ", allowLoopback="
				+ this.allowLoopback + ", dispatch=" + this.dispatch + ", breaker=" + this.breaker + ", security="
				+ this.security + ", subscriptions=" + this.subscriptions + "]";
	}

	/**
	 * HTTP settings of callbacks. Redirects are never followed.
	 *
	 * @param connectTimeout time to open a connection (default 2 s)
	 * @param readTimeout time for the whole answer once the request is sent (default 5 s)
	 * @param userAgent the {@code User-Agent} header
	 */
	public record Http(Duration connectTimeout, Duration readTimeout, String userAgent) {

		public Http {
			connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "http.connect-timeout");
			readTimeout = positive(readTimeout, Duration.ofSeconds(5), "http.read-timeout");
			userAgent = (userAgent != null && !userAgent.isBlank()) ? userAgent : "smsgw-webhook/1";
		}

	}

	/**
	 * Retries of a callback the endpoint did not accept (non-2xx, I/O error, timeout).
	 *
	 * @param initialBackoff pause before the first retry (default 1 s)
	 * @param multiplier growth of the pause per attempt (default 2)
	 * @param maxBackoff the longest pause our backoff chooses (default 60 s); a longer
	 * {@code Retry-After} from the endpoint is still honoured
	 * @param jitter random spread of each pause, as a fraction (default 0.2 = ±20 %)
	 * @param maxTotal no attempt is scheduled later than this after the delivery was queued (or
	 * redelivered) (default 24 h); then the event goes to the dead-letter topic
	 */
	public record Retry(Duration initialBackoff, Double multiplier, Duration maxBackoff, Double jitter,
			Duration maxTotal) {

		public Retry {
			initialBackoff = positive(initialBackoff, Duration.ofSeconds(1), "retry.initial-backoff");
			multiplier = (multiplier != null) ? multiplier : 2.0;
			maxBackoff = positive(maxBackoff, Duration.ofSeconds(60), "retry.max-backoff");
			jitter = (jitter != null) ? jitter : 0.2;
			maxTotal = positive(maxTotal, Duration.ofHours(24), "retry.max-total");
			if (multiplier < 1.0) {
				throw new IllegalArgumentException("sms.webhook.retry.multiplier must be >= 1");
			}
			if (jitter < 0.0 || jitter >= 1.0) {
				throw new IllegalArgumentException("sms.webhook.retry.jitter must be in [0, 1)");
			}
		}

	}

	static Duration positive(Duration value, Duration fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("sms.webhook." + name + " must be positive");
		}
		return value;
	}

}
