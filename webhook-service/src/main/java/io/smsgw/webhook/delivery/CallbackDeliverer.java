package io.smsgw.webhook.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

/**
 * Makes one delivery pass of a callback: skips it if already delivered, refuses it without a
 * tenant secret or with a refused URL, otherwise signs it, sends one attempt, logs it and says
 * whether (and when) to try again. The caller owns the waiting, so retries can later move off
 * the consuming thread without changing this class.
 */
public class CallbackDeliverer {

	private static final Logger log = LoggerFactory.getLogger(CallbackDeliverer.class);

	private final DeliveryLog deliveryLog;

	private final TenantSecrets secrets;

	private final TargetPolicy targets;

	private final CallbackSender sender;

	private final RetryPolicy retryPolicy;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	public CallbackDeliverer(DeliveryLog deliveryLog, TenantSecrets secrets, TargetPolicy targets,
			CallbackSender sender, RetryPolicy retryPolicy, DeliveryMetrics metrics, Clock clock) {
		this.deliveryLog = deliveryLog;
		this.secrets = secrets;
		this.targets = targets;
		this.sender = sender;
		this.retryPolicy = retryPolicy;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** One pass: at most one HTTP attempt. */
	public DeliveryResult deliver(Callback callback) {
		DeliveryRecord record = this.deliveryLog.open(callback, this.clock.instant());
		if (record.state().isDelivered()) {
			this.metrics.outcome(DeliveryMetrics.DUPLICATE);
			log.debug("Event {} already delivered, not sent again", callback.eventId());
			return DeliveryResult.alreadyDelivered();
		}
		if (record.state() == DeliveryState.FAILED) {
			record = this.deliveryLog.reopen(callback);
		}
		URI target;
		try {
			target = this.targets.check(callback.url());
		}
		catch (RejectedTargetException ex) {
			return abandon(callback, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
		}
		Optional<String> secret = this.secrets.find(callback.tenantId());
		if (secret.isEmpty()) {
			return abandon(callback, DeliveryMetrics.NO_SECRET,
					"no signing secret for tenant " + callback.tenantId() + ": not sent unsigned");
		}
		Instant attemptAt = this.clock.instant();
		String signature = WebhookSignature.header(secret.get(), attemptAt, callback.body());
		CallbackResponse response;
		try {
			response = this.sender.send(new CallbackRequest(target, callback.eventId(), callback.body(), signature));
		}
		catch (RejectedTargetException ex) {
			return abandon(callback, DeliveryMetrics.REJECTED_TARGET, ex.getMessage());
		}
		this.metrics.attempt(response);
		this.deliveryLog.attempted(callback.eventId(), attemptAt, response.status(), response.error(),
				response.accepted());
		if (response.accepted()) {
			this.metrics.outcome(DeliveryMetrics.DELIVERED);
			log.debug("Event {} delivered to {} ({})", callback.eventId(), Urls.redact(target), response.status());
			return DeliveryResult.delivered();
		}
		int attempts = record.attempts() + 1;
		Instant firstAttempt = (record.firstAttemptAt() != null) ? record.firstAttemptAt() : attemptAt;
		Duration delay = this.retryPolicy.nextDelay(attempts, firstAttempt, this.clock.instant(),
				response.retryAfter());
		if (delay == null) {
			return abandon(callback, DeliveryMetrics.EXHAUSTED,
					"gave up after " + attempts + " attempt(s), last: " + response.error());
		}
		this.metrics.retry();
		log.info("Callback of event {} to {} failed ({}), attempt {}; retrying in {} ms", callback.eventId(),
				Urls.redact(target), response.error(), attempts, delay.toMillis());
		return DeliveryResult.retry(delay, response.error());
	}

	private DeliveryResult abandon(Callback callback, String outcome, String reason) {
		this.deliveryLog.failed(callback.eventId(), reason);
		this.metrics.outcome(outcome);
		log.warn("Callback of event {} (message {}, tenant {}) abandoned: {}", callback.eventId(),
				callback.messageId(), callback.tenantId(), reason);
		return DeliveryResult.abandoned(reason);
	}

}
