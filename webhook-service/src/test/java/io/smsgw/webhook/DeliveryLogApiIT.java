package io.smsgw.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.RecordingReceiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery log through the API: filters, cursor paging, one event with its attempts,
 * redelivery of a failed and of a delivered event with the same event id, tenant isolation.
 */
class DeliveryLogApiIT extends WebhookITSupport {

	@Test
	void failedEventShowsItsAttemptsAndIsRedeliveredWithTheSameEventId() throws Exception {
		String tenant = "log-" + UUID.randomUUID();
		String path = "/log/" + tenant;
		subscribe(tenant, receiver.url(path), List.of("message.status"), null);
		// asking for a pause longer than the retry budget (20 s here) makes it give up at once
		receiver.script(path, Answer.status(503, "Retry-After", "3600"));
		StatusChanged sent = StatusChanged.of(UUID.randomUUID(), tenant, MessageStatus.SENT, Instant.now(), null, null,
				null);

		publish(sent);

		await().atMost(WAIT).until(() -> "failed".equals(deliveryState(tenant, sent.eventId())));
		JsonNode event = api("GET", "/v1/webhooks/deliveries/" + sent.eventId(), tenant, null).body();
		assertThat(event.get("eventType").asString()).isEqualTo("message.status");
		assertThat(event.get("messageId").asString()).isEqualTo(sent.messageId().toString());
		JsonNode delivery = event.get("deliveries").get(0);
		// one attempt, unless a busy machine made an earlier one time out
		int attempts = delivery.get("attempts").asInt();
		assertThat(delivery.get("lastError").asString()).isEqualTo("gave up after " + attempts + " attempt(s), last: HTTP 503");
		assertThat(delivery.get("attemptLog")).hasSize(attempts);
		JsonNode last = delivery.get("attemptLog").get(attempts - 1);
		assertThat(last.get("status").asInt()).isEqualTo(503);
		assertThat(last.get("error").asString()).isEqualTo("HTTP 503");
		assertThat(api("GET", "/v1/webhooks/deliveries/" + sent.eventId(), "intruder", null).status()).isEqualTo(404);
		assertThat(api("POST", "/v1/webhooks/deliveries/" + sent.eventId() + "/redeliver", "intruder", null).status())
			.isEqualTo(404);
		int failedRequests = receiver.requests(path).size();

		receiver.script(path);
		ApiAnswer redelivered = api("POST", "/v1/webhooks/deliveries/" + sent.eventId() + "/redeliver", tenant, null);

		assertThat(redelivered.status()).isEqualTo(202);
		await().atMost(WAIT).until(() -> "delivered".equals(deliveryState(tenant, sent.eventId())));
		assertThat(receiver.requests(path)).hasSize(failedRequests + 1);
		assertThat(body(receiver.requests(path).get(failedRequests)).get("eventId").asString())
			.isEqualTo(sent.eventId().toString());
		// a delivered event can be sent again too, still with the same id
		assertThat(api("POST", "/v1/webhooks/deliveries/" + sent.eventId() + "/redeliver", tenant, null).status())
			.isEqualTo(202);
		await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 2);
		assertThat(receiver.accepted(path)).extracting((r) -> body(r).get("eventId").asString())
			.containsOnly(sent.eventId().toString());
	}

	@Test
	void deliveriesAreListedNewestFirstWithFiltersAndACursor() throws Exception {
		String tenant = "page-" + UUID.randomUUID();
		subscribe(tenant, receiver.url("/page/" + tenant), List.of("message.status"), null);
		UUID messageId = UUID.randomUUID();
		List<StatusChanged> events = new ArrayList<>();
		for (MessageStatus status : List.of(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.DELIVERED)) {
			events.add(StatusChanged.of(messageId, tenant, status, Instant.now(), null, null, null));
		}
		StatusChanged otherMessage = StatusChanged.of(UUID.randomUUID(), tenant, MessageStatus.SENT, Instant.now(), null,
				null, null);
		publish(events.toArray(StatusChanged[]::new));
		publish(otherMessage);
		await().atMost(WAIT).until(() -> receiver.accepted("/page/" + tenant).size() == 4);

		JsonNode first = api("GET", "/v1/webhooks/deliveries?limit=2&messageId=" + messageId, tenant, null).body();
		assertThat(first.get("items").findValuesAsString("eventId")).containsExactly(events.get(2).eventId().toString(),
				events.get(1).eventId().toString());
		JsonNode second = api("GET", "/v1/webhooks/deliveries?limit=2&messageId=" + messageId + "&cursor="
				+ first.get("nextCursor").asString(), tenant, null).body();
		assertThat(second.get("items").findValuesAsString("eventId")).containsExactly(events.get(0).eventId().toString());
		assertThat(second.get("nextCursor").isNull()).isTrue();
		JsonNode delivered = api("GET", "/v1/webhooks/deliveries?state=delivered&eventType=message.status", tenant, null)
			.body();
		assertThat(delivered.get("items")).hasSize(4);
		assertThat(api("GET", "/v1/webhooks/deliveries?state=pending", tenant, null).body().get("items")).isEmpty();
		assertThat(api("GET", "/v1/webhooks/deliveries", "intruder", null).body().get("items")).isEmpty();
		assertThat(api("GET", "/v1/webhooks/deliveries?state=lost", tenant, null).status()).isEqualTo(400);
	}

	private String deliveryState(String tenant, UUID eventId) {
		ApiAnswer answer = api("GET", "/v1/webhooks/deliveries/" + eventId, tenant, null);
		return (answer.status() == 200) ? answer.body().get("deliveries").get(0).get("state").asString() : null;
	}

}
