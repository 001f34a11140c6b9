package io.smsgw.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.RecordingReceiver.Answer;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status callbacks to a message's own callback URL as tenants receive them: format, signature
 * (tenant secret), order, one delivery per event.
 */
class StatusCallbackIT extends WebhookITSupport {

	@Test
	void sentThenDeliveredArriveInOrderSignedAndEachOnceDespiteDuplicates() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/ordered/" + messageId;
		Instant sentAt = Instant.parse("2026-01-10T09:00:00.123Z");
		StatusChanged sent = StatusChanged.of(messageId, "tenant-a", MessageStatus.SENT, sentAt, null, null,
				receiver.url(path));
		StatusChanged delivered = StatusChanged.of(messageId, "tenant-a", MessageStatus.DELIVERED,
				sentAt.plusSeconds(4), "000", "delivered to handset", receiver.url(path));
		double duplicatesBefore = count("sms.webhook.deliveries", "outcome", "duplicate");

		publish(sent, sent, delivered, delivered);

		await().atMost(WAIT).until(() -> count("sms.webhook.deliveries", "outcome", "duplicate") - duplicatesBefore >= 2
				&& receiver.requests(path).size() >= 2);
		// and nothing more comes: each event once, although each was published twice
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> receiver.requests(path).size() == 2);
		List<Received> requests = receiver.requests(path);
		assertThat(requests).hasSize(2);
		assertThat(requests).extracting((r) -> body(r).get("status").asString()).containsExactly("sent", "delivered");
		for (Received request : requests) {
			assertSignedJsonPost(request);
		}
		assertThat(requests.get(0).bodyText()).isEqualTo("{\"eventId\":\"" + sent.eventId()
				+ "\",\"type\":\"message.status\",\"messageId\":\"" + messageId
				+ "\",\"status\":\"sent\",\"at\":\"2026-01-10T09:00:00.123Z\",\"errorCode\":null,\"detail\":null}");
		JsonNode first = body(requests.get(0));
		assertThat(first.get("eventId").asString()).isEqualTo(sent.eventId().toString());
		assertThat(first.get("type").asString()).isEqualTo("message.status");
		assertThat(first.get("messageId").asString()).isEqualTo(messageId.toString());
		assertThat(first.get("at").asString()).isEqualTo("2026-01-10T09:00:00.123Z");
		assertThat(first.get("errorCode").isNull()).isTrue();
		assertThat(requests.get(0).header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(sent.eventId().toString());
		JsonNode second = body(requests.get(1));
		assertThat(second.get("errorCode").asString()).isEqualTo("000");
		assertThat(second.get("detail").asString()).isEqualTo("delivered to handset");
		assertThat(requests.get(1).header(WebhookSignature.EVENT_ID_HEADER))
			.isEqualTo(delivered.eventId().toString());
		DeliveryRecord logged = this.deliveryLog.find(delivered.eventId()).orElseThrow();
		assertThat(logged.state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(logged.attempts()).isEqualTo(1);
		assertThat(logged.lastStatus()).isEqualTo(200);
		assertThat(logged.deliveredAt()).isNotNull();
	}

	@Test
	void endpointFailingTwiceGetsItOnTheThirdTryAndLaterStatusWaitsBehind() throws Exception {
		UUID messageId = UUID.randomUUID();
		String path = "/flaky/" + messageId;
		receiver.script(path, Answer.status(500), Answer.status(500));
		StatusChanged sent = status(messageId, MessageStatus.SENT, path);
		StatusChanged delivered = status(messageId, MessageStatus.DELIVERED, path);
		double retriesBefore = count("sms.webhook.retries", null, null);

		publish(sent, delivered);

		await().atMost(WAIT).until(() -> receiver.requests(path).size() >= 4);
		List<Received> requests = receiver.requests(path);
		assertThat(requests).extracting((r) -> body(r).get("status").asString())
			.containsExactly("sent", "sent", "sent", "delivered");
		for (Received request : requests) {
			assertSignedJsonPost(request);
		}
		assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(90);
		assertThat(millisBetween(requests.get(1), requests.get(2))).isGreaterThanOrEqualTo(190);
		DeliveryRecord logged = this.deliveryLog.find(sent.eventId()).orElseThrow();
		assertThat(logged.state()).isEqualTo(DeliveryState.DELIVERED);
		assertThat(logged.attempts()).isEqualTo(3);
		assertThat(count("sms.webhook.retries", null, null) - retriesBefore).isGreaterThanOrEqualTo(2);
	}

}
