package io.smsgw.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.delivery.CallbackDeliverer;
import io.smsgw.webhook.delivery.DeliveryDispatcher;
import io.smsgw.webhook.delivery.DeliveryMetrics;
import io.smsgw.webhook.delivery.EndpointGuards;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test: the tenant's receiver is down for a while (first refusing
 * connections, then answering 503) and then recovers; every event arrives exactly once per event
 * id and, per message, in status order, for a few hundred messages, while two dispatchers (two
 * "instances" sharing the delivery log) deliver them.
 */
class ReceiverRecoveryIT extends WebhookITSupport {

	private static final int MESSAGES = 120;

	private static final List<MessageStatus> STATUSES = List.of(MessageStatus.QUEUED, MessageStatus.SENT,
			MessageStatus.DELIVERED);

	@Autowired
	private io.smsgw.webhook.delivery.DeliveryLog sharedLog;

	@Autowired
	private io.smsgw.webhook.delivery.OutcomeStore outcomes;

	@Autowired
	private io.smsgw.webhook.delivery.SigningKeys keys;

	@Autowired
	private CallbackDeliverer deliverer;

	@Autowired
	private EndpointGuards guards;

	@Autowired
	private DeliveryMetrics metrics;

	@Test
	void receiverDownThenBackGetsEveryEventExactlyOnceAndInStatusOrderPerMessage() throws Exception {
		String tenant = "recovery-" + UUID.randomUUID();
		RecordingReceiver before = RecordingReceiver.start();
		int port = before.port();
		String url = before.url("/events");
		before.close();
		String secret = subscribe(tenant, url, List.of("message.status"), null).get("secret").asString();
		DeliveryDispatcher secondInstance = new DeliveryDispatcher(this.sharedLog, this.outcomes, this.keys, this.deliverer, this.guards,
				this.metrics, Clock.systemUTC(), new DeliveryDispatcher.Settings(Duration.ofMillis(50), 100, 8, 4,
						Duration.ofMinutes(2), "second-instance", Duration.ofSeconds(8)));
		secondInstance.start();
		RecordingReceiver back = null;
		try {
			List<UUID> messages = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				messages.add(UUID.randomUUID());
			}
			for (MessageStatus status : STATUSES) {
				for (UUID messageId : messages) {
					StatusChanged event = StatusChanged.of(messageId, tenant, status, Instant.now(), null, null, null);
					this.kafka.send(Topics.MT_STATUS, event.key(), event);
				}
			}
			this.kafka.flush();
			Thread.sleep(1500);
			back = RecordingReceiver.start(port);
			back.answerAll(503);
			Thread.sleep(1000);
			back.answerAll(null);

			RecordingReceiver receiving = back;
			await().atMost(Duration.ofSeconds(60)).until(() -> receiving.accepted().size() >= MESSAGES * STATUSES.size());
			await().during(Duration.ofMillis(500)).atMost(WAIT)
				.until(() -> receiving.accepted().size() == MESSAGES * STATUSES.size());
			List<Received> accepted = back.accepted();
			Map<String, Long> perEventId = accepted.stream()
				.collect(Collectors.groupingBy((r) -> body(r).get("eventId").asString(), Collectors.counting()));
			assertThat(perEventId).hasSize(MESSAGES * STATUSES.size());
			assertThat(perEventId.values()).containsOnly(1L);
			Map<String, List<String>> statusesPerMessage = new LinkedHashMap<>();
			for (Received request : accepted) {
				statusesPerMessage.computeIfAbsent(body(request).get("messageId").asString(), (k) -> new ArrayList<>())
					.add(body(request).get("status").asString());
			}
			assertThat(statusesPerMessage).hasSize(MESSAGES);
			assertThat(statusesPerMessage.values()).allSatisfy(
					(statuses) -> assertThat(statuses).containsExactly("queued", "sent", "delivered"));
			assertThat(messages.stream().map(UUID::toString).toList())
				.containsExactlyInAnyOrderElementsOf(statusesPerMessage.keySet());
			assertThat(accepted).allSatisfy((request) -> assertThat(WebhookSignature.verify(secret,
					request.header(WebhookSignature.SIGNATURE_HEADER), request.body(), Instant.now(),
					WebhookSignature.DEFAULT_TOLERANCE)).isTrue());
		}
		finally {
			secondInstance.stop();
			if (back != null) {
				back.close();
			}
		}
	}


}
