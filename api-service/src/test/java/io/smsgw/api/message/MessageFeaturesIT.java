package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageType;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch send, delivery options, scheduled send and cancel, and preview, through HTTP, PostgreSQL
 * and Kafka.
 */
class MessageFeaturesIT extends ApiTestSupport {

	@Test
	void batchAcceptsValidItemsInOneGoAndReportsEachInvalidOne() throws Exception {
		String token = token("client-a", "secret-a", null);
		String ref = "batch-" + UUID.randomUUID();
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			items.add(Map.of("to", "+49151234567" + (10 + i), "from", "Acme", "body", "item " + i, "clientReference",
					ref));
		}
		items.add(3, Map.of("to", "nonsense", "from", "Acme", "body", "bad"));
		items.add(Map.of("to", "+4915123456789", "from", "", "body", ""));

		HttpResponse<String> response = callJson("POST", "/v1/messages/batch", token, Map.of("messages", items));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.get("accepted").asInt()).isEqualTo(50);
		assertThat(result.get("rejected").asInt()).isEqualTo(2);
		JsonNode bad = result.get("results").get(3);
		assertThat(bad.get("status").asString()).isEqualTo("rejected");
		assertThat(bad.get("problem").get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(result.get("results").get(51).get("problem").get("errors").size()).isEqualTo(2);
		assertThat(result.get("results").get(4).get("message").get("id").asString()).hasSize(36);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM message WHERE client_reference = ?", Integer.class,
				ref)).isEqualTo(50);
		UUID first = UUID.fromString(result.get("results").get(0).get("message").get("id").asString());
		assertThat(KafkaTestClient.readValues(Topics.MT_ACCEPTED, (e) -> key(e).equals(first), 1)).hasSize(1);
	}

	@Test
	void batchSizeIsLimited() throws Exception {
		String token = token("client-a", "secret-a", null);
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(Map.of("to", "+4915123456789", "from", "A", "body", "x"));
		}
		assertThat(callJson("POST", "/v1/messages/batch", token, Map.of("messages", items)).statusCode())
			.isIn(400, 413);
		assertThat(callJson("POST", "/v1/messages/batch", token, Map.of("messages", List.of())).statusCode())
			.isEqualTo(400);
	}

	@Test
	void typeValidityAndReferenceReachTheEventAndTheView() throws Exception {
		String token = token("client-a", "secret-a", null);
		HttpResponse<String> response = postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body",
				"sale!", "messageType", "marketing", "validityPeriod", 3600, "clientReference", "order-42"));
		assertThat(response.statusCode()).isEqualTo(202);
		UUID id = UUID.fromString(json(response).get("id").asString());

		MessageAccepted event = (MessageAccepted) KafkaTestClient
			.readValues(Topics.MT_ACCEPTED, (e) -> key(e).equals(id), 1)
			.get(0);
		assertThat(event.messageType()).isEqualTo(MessageType.MARKETING);
		assertThat(Duration.between(event.acceptedAt(), event.validUntil())).isEqualTo(Duration.ofHours(1));
		JsonNode view = json(get(token, "/v1/messages/" + id));
		assertThat(view.get("messageType").asString()).isEqualTo("marketing");
		assertThat(view.get("clientReference").asString()).isEqualTo("order-42");
		assertThat(Instant.parse(view.get("validUntil").asString())).isEqualTo(event.validUntil());
		assertThat(view.get("segments").asInt()).isEqualTo(1);
		assertThat(view.has("price")).isTrue();

		Map<String, Object> wrong = new HashMap<>(Map.of("to", "+4915123456789", "from", "Acme", "body", "x",
				"messageType", "spam", "validityPeriod", 0, "validUntil", "tomorrow", "sendAt", "2999-01-01T00:00:00Z"));
		List<String> fields = new ArrayList<>();
		json(postJson(token, wrong)).get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("messageType", "validityPeriod", "sendAt");
	}

	@Test
	void scheduledMessageIsSentWhenDueAndNotBefore() throws Exception {
		String token = token("client-a", "secret-a", null);
		Instant sendAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
		HttpResponse<String> response = postJson(token,
				Map.of("to", "+4915123456789", "from", "Acme", "body", "later", "sendAt", sendAt.toString()));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(json(response).get("status").asString()).isEqualTo("scheduled");
		UUID id = UUID.fromString(json(response).get("id").asString());
		assertThat(json(get(token, "/v1/messages/" + id)).get("status").asString()).isEqualTo("scheduled");

		List<SmsEvent> events = KafkaTestClient.readValues(Topics.MT_ACCEPTED, (e) -> key(e).equals(id), 1);
		assertThat(events).hasSize(1);
		assertThat(Instant.now()).isAfterOrEqualTo(sendAt);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(json(get(token, "/v1/messages/" + id)).get("status").asString())
				.isEqualTo("accepted"));
		assertThat(callJson("DELETE", "/v1/messages/" + id, token, null).statusCode()).isEqualTo(409);
	}

	@Test
	void scheduledMessageCanBeCancelledAndIsNeverSent() throws Exception {
		String token = token("client-a", "secret-a", null);
		String sendAt = Instant.now().plusSeconds(2).toString();
		UUID id = UUID.fromString(json(postJson(token,
				Map.of("to", "+4915123456789", "from", "Acme", "body", "never", "sendAt", sendAt))).get("id").asString());

		assertThat(callJson("DELETE", "/v1/messages/" + id, token("client-b", "secret-b", null), null).statusCode())
			.isEqualTo(404);
		HttpResponse<String> cancelled = callJson("DELETE", "/v1/messages/" + id, token, null);
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(json(cancelled).get("status").asString()).isEqualTo("canceled");
		assertThat(callJson("DELETE", "/v1/messages/" + id, token, null).statusCode()).isEqualTo(409);
		assertThat(callJson("DELETE", "/v1/messages/" + UUID.randomUUID(), token, null).statusCode()).isEqualTo(404);
		assertThat(KafkaTestClient.read(Topics.MT_ACCEPTED, (e) -> key(e).equals(id), 1, Duration.ofSeconds(4),
				Duration.ZERO, true)).isEmpty();
	}

	@Test
	void previewSizesUpWithoutSending() throws Exception {
		String token = token("client-a", "secret-a", null);
		long before = this.jdbc.queryForObject("SELECT count(*) FROM message", Long.class);
		HttpResponse<String> response = callJson("POST", "/v1/messages/preview", token,
				Map.of("to", "015123456789", "body", "€".repeat(200)));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode preview = json(response);
		assertThat(preview.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(preview.get("units").asInt()).isEqualTo(400);
		assertThat(preview.get("segments").asInt()).isEqualTo(3);
		assertThat(preview.get("to").asString()).isEqualTo("+4915123456789");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM message", Long.class)).isEqualTo(before);
		assertThat(callJson("POST", "/v1/messages/preview", token, Map.of("body", "")).statusCode()).isEqualTo(400);
		assertThat(callJson("POST", "/v1/messages/preview", token("reader-a", "secret-r", null), Map.of("body", "x"))
			.statusCode()).isEqualTo(403);
	}

	static UUID key(SmsEvent event) {
		return UUID.fromString(event.key());
	}

}
