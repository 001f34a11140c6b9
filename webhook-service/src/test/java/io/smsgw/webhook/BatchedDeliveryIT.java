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
import org.springframework.jdbc.core.simple.JdbcClient;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.delivery.CallbackDeliverer;
import io.smsgw.webhook.delivery.DeliveryDispatcher;
import io.smsgw.webhook.delivery.DeliveryLog;
import io.smsgw.webhook.delivery.DeliveryMetrics;
import io.smsgw.webhook.delivery.EndpointGuards;
import io.smsgw.webhook.delivery.OutcomeStore;
import io.smsgw.webhook.delivery.SigningKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batched path under load, with two dispatchers sharing the queue: a poll's events are queued in
 * one transaction, deliveries are claimed in batches and their outcomes recorded many per
 * transaction, and still every event arrives exactly once, each message's {@code delivered} only
 * after its {@code sent} was accepted (both were queued together), with exactly one attempt logged
 * per delivery.
 */
class BatchedDeliveryIT extends WebhookITSupport {

	private static final int MESSAGES = 400;

	@Autowired
	private DeliveryLog sharedLog;

	@Autowired
	private OutcomeStore outcomes;

	@Autowired
	private SigningKeys keys;

	@Autowired
	private CallbackDeliverer deliverer;

	@Autowired
	private EndpointGuards guards;

	@Autowired
	private DeliveryMetrics metrics;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoDispatchersDeliverEveryEventOnceAndEachMessageInOrder() throws Exception {
		String tenant = "batched-" + UUID.randomUUID();
		String path = "/batched/" + tenant;
		subscribe(tenant, receiver.url(path), List.of("message.status"), null);
		DeliveryDispatcher secondInstance = new DeliveryDispatcher(this.sharedLog, this.outcomes, this.keys,
				this.deliverer, this.guards, this.metrics, Clock.systemUTC(), new DeliveryDispatcher.Settings(
						Duration.ofMillis(50), 50, 8, 4, Duration.ofMinutes(2), "batched-second", Duration.ofSeconds(20)));
		secondInstance.start();
		try {
			List<UUID> messages = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				UUID messageId = UUID.randomUUID();
				messages.add(messageId);
				// sent and delivered back to back: usually in the same poll, queued in the same transaction
				for (MessageStatus status : List.of(MessageStatus.SENT, MessageStatus.DELIVERED)) {
					StatusChanged event = StatusChanged.of(messageId, tenant, status, Instant.now(), null, null, null);
					this.kafka.send(Topics.MT_STATUS, event.key(), event);
				}
			}
			this.kafka.flush();

			await().atMost(Duration.ofSeconds(90)).until(() -> receiver.accepted(path).size() >= 2 * MESSAGES);
			await().during(Duration.ofMillis(500)).atMost(WAIT)
				.until(() -> receiver.accepted(path).size() == 2 * MESSAGES);
			List<Received> accepted = receiver.accepted(path);
			Map<String, Long> perEventId = accepted.stream()
				.collect(Collectors.groupingBy((r) -> body(r).get("eventId").asString(), Collectors.counting()));
			assertThat(perEventId).hasSize(2 * MESSAGES);
			assertThat(perEventId.values()).containsOnly(1L);
			Map<String, List<String>> statusesPerMessage = new LinkedHashMap<>();
			for (Received request : accepted) {
				statusesPerMessage.computeIfAbsent(body(request).get("messageId").asString(), (k) -> new ArrayList<>())
					.add(body(request).get("status").asString());
			}
			assertThat(statusesPerMessage.keySet())
				.containsExactlyInAnyOrderElementsOf(messages.stream().map(UUID::toString).toList());
			assertThat(statusesPerMessage.values()).allSatisfy(
					(statuses) -> assertThat(statuses).containsExactly("sent", "delivered"));
			await().atMost(WAIT).until(() -> count("""
					select count(*) from delivery_log where tenant_id = :tenant and state = 'DELIVERED'
					and attempts = 1 and lease_until is null""", tenant) == 2 * MESSAGES);
			assertThat(count("""
					select count(*) from delivery_attempt a join delivery_log d on d.id = a.delivery_id
					where d.tenant_id = :tenant and a.status = 200""", tenant)).isEqualTo(2 * MESSAGES);
		}
		finally {
			secondInstance.stop();
		}
	}

	private long count(String sql, String tenant) {
		return this.jdbc.sql(sql).param("tenant", tenant).query(Long.class).single();
	}

}
