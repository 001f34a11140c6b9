package io.smsgw.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.RecordingReceiver.Answer;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries of callbacks the endpoint did not accept: Retry-After, timeouts, redirects, the total time budget.
 */
class CallbackRetryIT extends WebhookITSupport {

	@Test
	void retryAfterFromTheEndpointIsHonoured() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/busy/" + messageId;
		receiver.script(path, Answer.status(503, "Retry-After", "2"));
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);

		publish(sent);

		await().atMost(WAIT).until(() -> receiver.requests(path).size() >= 2);
		List<Received> requests = receiver.requests(path);
		assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(1900);
		await().atMost(WAIT)
			.until(() -> stateOf(sent) == DeliveryState.DELIVERED);
		assertThat(receiver.requests(path)).hasSize(2);
	}

	@Test
	void slowEndpointTimesOutAndIsRetried() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/slow/" + messageId;
		receiver.script(path, Answer.after(Duration.ofMillis(3000), 200));
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);
		double timeoutsBefore = timerCount("no_answer");

		publish(sent);

		await().atMost(WAIT)
			.until(() -> stateOf(sent) == DeliveryState.DELIVERED);
		List<Received> requests = receiver.requests(path);
		assertThat(requests.size()).isGreaterThanOrEqualTo(2);
		assertThat(this.deliveryLog.find(sent.eventId()).orElseThrow().attempts()).isEqualTo(requests.size());
		assertThat(timerCount("no_answer") - timeoutsBefore).isGreaterThanOrEqualTo(1);
	}

	@Test
	void redirectsAreNotFollowedAndCountAsFailures() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/moved/" + messageId;
		String elsewhere = "/elsewhere/" + messageId;
		receiver.script(path, Answer.status(302, "Location", receiver.url(elsewhere)));
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);

		publish(sent);

		await().atMost(WAIT)
			.until(() -> stateOf(sent) == DeliveryState.DELIVERED);
		assertThat(receiver.requests(path)).hasSize(2);
		assertThat(receiver.requests(elsewhere)).isEmpty();
	}

	@Test
	void endpointThatNeverAcceptsIsGivenUpAfterTheTotalTimeAndDeadLettered() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/dead/" + messageId;
		Answer[] failures = new Answer[200];
		java.util.Arrays.fill(failures, Answer.status(500));
		receiver.script(path, failures);
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);

		publish(sent);

		ConsumerRecord<Object, Object> dead = awaitDeadLetter(messageId, Duration.ofSeconds(45));
		assertThat(dead.value()).isEqualTo(sent);
		List<Received> requests = receiver.requests(path);
		// backoff 100, 200, 400, 500 ms…; the endpoint's circuit opens after 6 failures and lets a probe
		// through every second
		assertThat(requests.size()).isBetween(6, 40);
		// the last attempt is made within max-total (20 s) of the event being queued
		assertThat(millisBetween(requests.get(0), requests.get(requests.size() - 1))).isLessThan(20_500);
		DeliveryRecord logged = this.deliveryLog.find(sent.eventId()).orElseThrow();
		assertThat(logged.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(logged.attempts()).isEqualTo(requests.size());
		assertThat(logged.lastStatus()).isEqualTo(500);
		assertThat(logged.lastError()).contains("gave up");
	}

}
