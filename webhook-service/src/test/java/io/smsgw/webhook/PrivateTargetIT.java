package io.smsgw.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SSRF protection end to end: callbacks to private, link-local or non-allow-listed loopback
 * addresses are logged failed (never attempted) and dead-lettered; the allow-listed
 * 127.0.0.0/8 receiver, also by host name, still gets its callbacks.
 */
class PrivateTargetIT extends WebhookITSupport {

	@Test
	void privateLinkLocalAndUnlistedLoopbackTargetsAreRefusedWithoutAnAttempt() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/after-refused/" + messageId;
		String[] urls = { "http://10.0.0.1/cb", "http://169.254.169.254/latest/meta-data/",
				receiver.url("/cb").replace("127.0.0.1", "[::1]"), "http://[::ffff:a9fe:a9fe]/cb" };
		MessageStatus[] statuses = { MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED,
				MessageStatus.UNDELIVERED };
		StatusChanged[] refused = new StatusChanged[urls.length];
		for (int i = 0; i < urls.length; i++) {
			refused[i] = StatusChanged.of(messageId, "tenant-a", statuses[i], Instant.now(), null, null, urls[i]);
		}
		StatusChanged allowed = StatusChanged.of(messageId, "tenant-a", MessageStatus.EXPIRED, Instant.now(), null,
				null, receiver.url(path).replace("127.0.0.1", "localhost"));
		double rejectedBefore = count("sms.webhook.deliveries", "outcome", "rejected_target");

		publish(refused);
		publish(allowed);

		List<ConsumerRecord<Object, Object>> dead = awaitDeadLetters(messageId, urls.length);
		assertThat(dead).extracting(ConsumerRecord::value).containsExactly((Object[]) refused);
		String[] kinds = { "private", "link-local", "loopback", "link-local" };
		for (int i = 0; i < urls.length; i++) {
			DeliveryRecord logged = this.deliveryLog.find(refused[i].eventId()).orElseThrow();
			assertThat(logged.state()).isEqualTo(DeliveryState.FAILED);
			assertThat(logged.attempts()).as(urls[i]).isZero();
			assertThat(logged.lastError()).as(urls[i]).contains("resolves to a " + kinds[i] + " address");
		}
		assertThat(count("sms.webhook.deliveries", "outcome", "rejected_target") - rejectedBefore)
			.isEqualTo(urls.length);
		await().atMost(WAIT).until(() -> stateOf(allowed) == DeliveryState.DELIVERED);
		assertThat(receiver.requests(path)).hasSize(1);
		assertSignedJsonPost(receiver.requests(path).get(0));
	}

}
