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
import io.smsgw.webhook.signing.WebhookSignature;

/**
 * Makes one attempt of a claimed delivery and says what became of it (an {@link Outcome}, written
 * by the dispatcher's {@link OutcomeWriter}): gives it up when its retry budget is spent, its URL is
 * refused or nothing can sign it; waits (no attempt) while its endpoint's circuit is open; otherwise
 * signs it (the subscription's secrets, or the tenant's for a message's own callback URL, looked up
 * by the dispatcher per claimed batch), sends it and schedules the next attempt with backoff. A
 * delivery given up goes to the dead-letter topic before its outcome says failed.
 */
public class CallbackDeliverer {

	private static final Logger log = LoggerFactory.getLogger(CallbackDeliverer.class);

	/** Outcome of a delivery whose subscription was deleted while it was pending. */
	static final String CANCELLED = "cancelled";

	private final TargetPolicy targets;

	private final CallbackSender sender;

	private final RetryPolicy retryPolicy;

	private final EndpointGuards guards;

	private final DeadLetters deadLetters;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	public CallbackDeliverer(TargetPolicy targets, CallbackSender sender, RetryPolicy retryPolicy,
			EndpointGuards guards, DeadLetters deadLetters, DeliveryMetrics metrics, Clock clock) {
		this.targets = targets;
		this.sender = sender;
		this.retryPolicy = retryPolicy;
		this.guards = guards;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * One attempt (at most one HTTP request) of a delivery this instance claimed.
	 * @param secrets the signing secrets of its subscription or tenant (empty: none)
	 * @param postpone how long a delivery that could not be attempted now waits
	 */
	Outcome attempt(DeliveryJob job, List<String> secrets, Duration postpone) {
		Instant now = this.clock.instant();
		if (job.roundStartedAt() != null && now.isAfter(job.roundStartedAt().plus(this.retryPolicy.maxTotal()))) {
			return giveUp(job, null, DeliveryMetrics.EXHAUSTED, "gave up after " + job.attempts() + " attempt(s), last: "
					+ ((job.lastError() != null) ? job.lastError() : "none (endpoint's circuit open)"));
		}
		URI target;
		try {
			target = this.targets.check(job.url());
		}
		catch (RejectedTargetException ex) {
			return giveUp(job, null, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
		}
		if (secrets.isEmpty()) {
			boolean deleted = job.subscriptionId() != null;
			return giveUp(job, null, deleted ? CANCELLED : DeliveryMetrics.NO_SECRET, deleted ? "subscription deleted"
					: "no signing secret for tenant " + job.tenantId() + ": not sent unsigned");
		}
		CircuitBreaker breaker = this.guards.breaker(job.endpoint());
		if (!breaker.tryAcquirePermission()) {
			return Outcome.released(job.id(), now.plus(postpone));
		}
		CallbackResponse response;
		try {
			response = this.sender.send(new CallbackRequest(target, job.eventId(), job.body(),
					WebhookSignature.header(secrets, now, job.body())));
		}
		catch (RejectedTargetException ex) {
			breaker.releasePermission();
			return giveUp(job, null, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
		}
		this.metrics.attempt(response);
		long nanos = response.elapsed().toNanos();
		DeliveryAttempt attempt = new DeliveryAttempt(now, response.status(), response.accepted() ? null : response.error(),
				response.elapsed().toMillis());
		if (response.accepted()) {
			breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
			this.metrics.outcome(DeliveryMetrics.DELIVERED);
			log.debug("Event {} delivered to {} ({})", job.eventId(), Urls.redact(target), response.status());
			return Outcome.delivered(job.id(), attempt);
		}
		breaker.onError(nanos, TimeUnit.NANOSECONDS, new CallbackNotAccepted(response.error()));
		return scheduleRetry(job, attempt, response, target);
	}

	private Outcome scheduleRetry(DeliveryJob job, DeliveryAttempt attempt, CallbackResponse response, URI target) {
		int attempts = job.attempts() + 1;
		Instant now = this.clock.instant();
		Duration delay = this.retryPolicy.nextDelay(attempts, job.roundStartedAt(), now, response.retryAfter());
		if (delay == null) {
			return giveUp(job, attempt, DeliveryMetrics.EXHAUSTED,
					"gave up after " + attempts + " attempt(s), last: " + response.error());
		}
		this.metrics.retry();
		log.info("Callback of event {} to {} failed ({}), attempt {}; retrying in {} ms", job.eventId(),
				Urls.redact(target), response.error(), attempts, delay.toMillis());
		return Outcome.retry(job.id(), attempt, now.plus(delay));
	}

	private Outcome giveUp(DeliveryJob job, DeliveryAttempt attempt, String outcome, String reason) {
		String topic;
		try {
			topic = this.deadLetters.publish(job, reason);
		}
		catch (Exception ex) {
			log.error("Could not publish the given-up callback of event {} to its dead-letter topic; will try again",
					job.eventId(), ex);
			Instant next = this.clock.instant().plusSeconds(5);
			return (attempt != null) ? Outcome.retry(job.id(), attempt, next) : Outcome.released(job.id(), next);
		}
		this.metrics.outcome(outcome);
		this.metrics.deadLetter(topic);
		log.warn("Callback of event {} (message {}, tenant {}) given up and sent to {}: {}", job.eventId(),
				job.messageId(), job.tenantId(), topic, reason);
		return Outcome.failed(job.id(), attempt, reason);
	}

	/** A non-2xx answer or no answer, as the circuit breaker records it. */
	static final class CallbackNotAccepted extends RuntimeException {

		CallbackNotAccepted(String reason) {
			super(reason, null, false, false);
		}

	}

}
