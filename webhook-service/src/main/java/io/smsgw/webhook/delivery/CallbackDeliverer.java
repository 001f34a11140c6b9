package io.smsgw.webhook.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.webhook.http.CallbackRequest;
import io.smsgw.webhook.http.CallbackResponse;
import io.smsgw.webhook.http.CallbackSender;
import io.smsgw.webhook.http.TargetPolicy;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;
import io.smsgw.webhook.http.Urls;
import io.smsgw.webhook.secret.TenantSecrets;
import io.smsgw.webhook.signing.WebhookSignature;
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Makes one attempt of a claimed delivery: gives it up when its retry budget is spent, its URL is
 * refused or nothing can sign it; waits (no attempt) while its endpoint's circuit is open;
 * otherwise signs it (the subscription's secrets, or the tenant's for a message's own callback
 * URL), sends it, records the attempt and schedules the next one with backoff. A delivery given up
 * goes to the dead-letter topic before it is marked failed.
 */
public class CallbackDeliverer {

	private static final Logger log = LoggerFactory.getLogger(CallbackDeliverer.class);

	/** Outcome of a delivery whose subscription was deleted while it was pending. */
	static final String CANCELLED = "cancelled";

	private final DeliveryLog deliveryLog;

	private final TenantSecrets tenantSecrets;

	private final SubscriptionStore subscriptions;

	private final TargetPolicy targets;

	private final CallbackSender sender;

	private final RetryPolicy retryPolicy;

	private final EndpointGuards guards;

	private final DeadLetters deadLetters;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	public CallbackDeliverer(DeliveryLog deliveryLog, TenantSecrets tenantSecrets, SubscriptionStore subscriptions,
			TargetPolicy targets, CallbackSender sender, RetryPolicy retryPolicy, EndpointGuards guards,
			DeadLetters deadLetters, DeliveryMetrics metrics, Clock clock) {
		this.deliveryLog = deliveryLog;
		this.tenantSecrets = tenantSecrets;
		this.subscriptions = subscriptions;
		this.targets = targets;
		this.sender = sender;
		this.retryPolicy = retryPolicy;
		this.guards = guards;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** One attempt (at most one HTTP request) of a delivery this instance claimed. */
	void attempt(DeliveryJob job, Duration postpone) {
		Instant now = this.clock.instant();
		if (job.roundStartedAt() != null && now.isAfter(job.roundStartedAt().plus(this.retryPolicy.maxTotal()))) {
			giveUp(job, DeliveryMetrics.EXHAUSTED, "gave up after " + job.attempts() + " attempt(s), last: "
					+ ((job.lastError() != null) ? job.lastError() : "none (endpoint's circuit open)"));
			return;
		}
		URI target;
		try {
			target = this.targets.check(job.url());
		}
		catch (RejectedTargetException ex) {
			giveUp(job, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
			return;
		}
		List<String> secrets = (job.subscriptionId() != null) ? this.subscriptions.signingSecrets(job.subscriptionId(), now)
				: this.tenantSecrets.find(job.tenantId()).map(List::of).orElse(List.of());
		if (secrets.isEmpty()) {
			boolean deleted = job.subscriptionId() != null;
			giveUp(job, deleted ? CANCELLED : DeliveryMetrics.NO_SECRET, deleted ? "subscription deleted"
					: "no signing secret for tenant " + job.tenantId() + ": not sent unsigned");
			return;
		}
		if (this.deliveryLog.earlierPending(job.id())) {
			log.warn("{} was claimed while an earlier callback of its message is pending; waiting behind it", job);
			this.deliveryLog.release(job.id(), now.plus(postpone));
			return;
		}
		CircuitBreaker breaker = this.guards.breaker(job.endpoint());
		if (!breaker.tryAcquirePermission()) {
			this.deliveryLog.release(job.id(), now.plus(postpone));
			return;
		}
		CallbackResponse response;
		try {
			response = this.sender.send(new CallbackRequest(target, job.eventId(), job.body(),
					WebhookSignature.header(secrets, now, job.body())));
		}
		catch (RejectedTargetException ex) {
			breaker.releasePermission();
			giveUp(job, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
			return;
		}
		this.metrics.attempt(response);
		long nanos = response.elapsed().toNanos();
		if (response.accepted()) {
			breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
			this.deliveryLog.attempted(job.id(), now, response.status(), null, response.elapsed(), true, null);
			this.metrics.outcome(DeliveryMetrics.DELIVERED);
			log.debug("Event {} delivered to {} ({})", job.eventId(), Urls.redact(target), response.status());
			return;
		}
		breaker.onError(nanos, TimeUnit.NANOSECONDS, new CallbackNotAccepted(response.error()));
		scheduleRetry(job, now, response, target);
	}

	private void scheduleRetry(DeliveryJob job, Instant attemptAt, CallbackResponse response, URI target) {
		int attempts = job.attempts() + 1;
		Instant now = this.clock.instant();
		Duration delay = this.retryPolicy.nextDelay(attempts, job.roundStartedAt(), now, response.retryAfter());
		if (delay == null) {
			this.deliveryLog.attempted(job.id(), attemptAt, response.status(), response.error(), response.elapsed(),
					false, now);
			giveUp(job, DeliveryMetrics.EXHAUSTED, "gave up after " + attempts + " attempt(s), last: " + response.error());
			return;
		}
		this.deliveryLog.attempted(job.id(), attemptAt, response.status(), response.error(), response.elapsed(), false,
				now.plus(delay));
		this.metrics.retry();
		log.info("Callback of event {} to {} failed ({}), attempt {}; retrying in {} ms", job.eventId(),
				Urls.redact(target), response.error(), attempts, delay.toMillis());
	}

	private void giveUp(DeliveryJob job, String outcome, String reason) {
		String topic;
		try {
			topic = this.deadLetters.publish(job, reason);
		}
		catch (Exception ex) {
			log.error("Could not publish the given-up callback of event {} to its dead-letter topic; will try again",
					job.eventId(), ex);
			this.deliveryLog.release(job.id(), this.clock.instant().plusSeconds(5));
			return;
		}
		this.deliveryLog.failed(job.id(), reason);
		this.metrics.outcome(outcome);
		this.metrics.deadLetter(topic);
		log.warn("Callback of event {} (message {}, tenant {}) given up and sent to {}: {}", job.eventId(),
				job.messageId(), job.tenantId(), topic, reason);
	}

	/** A non-2xx answer or no answer, as the circuit breaker records it. */
	static final class CallbackNotAccepted extends RuntimeException {

		CallbackNotAccepted(String reason) {
			super(reason, null, false, false);
		}

	}

}
