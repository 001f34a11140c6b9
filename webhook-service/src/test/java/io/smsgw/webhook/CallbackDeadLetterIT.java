package io.smsgw.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks that must not or cannot be sent go to the dead-letter topic, and never stall their partition.
 */
class CallbackDeadLetterIT extends WebhookITSupport {

	@Test
	void tenantWithoutSecretIsNeverCalledAndTheEventIsDeadLettered() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/unsigned/" + messageId;
		StatusChanged sent = StatusChanged.of(messageId, "tenant-without-secret", MessageStatus.SENT, Instant.now(),
				null, null, receiver.url(path));

		publish(sent);

		ConsumerRecord<Object, Object> dead = awaitDeadLetter(messageId);
		assertThat(dead.value()).isEqualTo(sent);
		assertThat(receiver.requests(path)).isEmpty();
		DeliveryRecord logged = this.deliveryLog.find(sent.eventId()).orElseThrow();
		assertThat(logged.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(logged.attempts()).isZero();
		assertThat(logged.lastError()).contains("no signing secret");
	}

	@Test
	void unreadableRecordAndRefusedUrlGoToDeadLettersWithoutStallingThePartition() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/after-poison/" + messageId;
		StatusChanged refused = StatusChanged.of(messageId, "tenant-a", MessageStatus.QUEUED, Instant.now(), null,
				null, "ftp://files.example.com/upload");
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);
		double deliveredBefore = count("sms.webhook.deliveries", "outcome", "delivered");

		this.kafka.send(Topics.MT_STATUS, messageId.toString(), "{not json".getBytes()).get();
		publish(refused, sent);

		await().atMost(WAIT).until(() -> receiver.requests(path).size() == 1);
		assertSignedJsonPost(receiver.requests(path).get(0));
		List<ConsumerRecord<Object, Object>> dead = awaitDeadLetters(messageId, 2);
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly(null, refused);
		assertThat(this.deliveryLog.find(refused.eventId()).orElseThrow().lastError()).contains("scheme");
		assertThat(count("sms.webhook.deliveries", "outcome", "delivered") - deliveredBefore).isEqualTo(1);
		assertThat(timerCount("2xx")).isPositive();
	}

}
