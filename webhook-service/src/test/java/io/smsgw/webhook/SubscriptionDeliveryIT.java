package io.smsgw.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.common.event.InboundRouted;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks to subscriptions: filtering by event type and status, inbound messages, signatures
 * during and after a secret rotation.
 */
class SubscriptionDeliveryIT extends WebhookITSupport {

	@Test
	void eachSubscriptionGetsOnlyTheEventTypesAndStatusesItAskedFor() throws Exception {
		String tenant = "filter-" + UUID.randomUUID();
		subscribe(tenant, receiver.url("/all-status"), List.of("message.status"), null);
		subscribe(tenant, receiver.url("/final-only"), List.of("message.status"), List.of("delivered"));
		subscribe(tenant, receiver.url("/inbound-only"), List.of("message.inbound"), null);
		JsonNode disabled = subscribe(tenant, receiver.url("/disabled"), List.of("message.status"), null);
		api("PATCH", "/v1/webhooks/" + disabled.get("id").asString(), tenant, Map.of("enabled", false));
		UUID messageId = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		publish(StatusChanged.of(messageId, tenant, MessageStatus.QUEUED, at, null, null, null),
				StatusChanged.of(messageId, tenant, MessageStatus.SENT, at, null, null, null),
				StatusChanged.of(messageId, tenant, MessageStatus.DELIVERED, at, "000", null, null));

		await().atMost(WAIT).until(() -> receiver.requests("/all-status").size() == 3
				&& receiver.requests("/final-only").size() == 1);
		assertThat(receiver.requests("/all-status")).extracting((r) -> body(r).get("status").asString())
			.containsExactly("queued", "sent", "delivered");
		assertThat(body(receiver.requests("/final-only").get(0)).get("status").asString()).isEqualTo("delivered");
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> receiver.requests("/inbound-only").isEmpty()
				&& receiver.requests("/disabled").isEmpty());
	}

	@Test
	void inboundMessagesGoToTheOwnersInboundSubscriptionsSigned() throws Exception {
		String owner = "inbound-" + UUID.randomUUID();
		String secret = subscribe(owner, receiver.url("/mo/" + owner), List.of("message.inbound"), null).get("secret")
			.asString();
		subscribe("someone-else-" + UUID.randomUUID(), receiver.url("/mo-other"), List.of("message.inbound"), null);
		UUID inboundId = UUID.randomUUID();
		Instant receivedAt = Instant.parse("2026-02-01T10:00:00Z");
		InboundRouted inbound = new InboundRouted(InboundRouted.eventIdOf(inboundId), inboundId, owner, "smpp-1",
				"+491701234567", "4477", "STOP ads", "ADS", "STOP", true, receivedAt);

		this.kafka.send(Topics.MO_ROUTED, inbound.key(), inbound).get();

		await().atMost(WAIT).until(() -> receiver.requests("/mo/" + owner).size() == 1);
		Received request = receiver.requests("/mo/" + owner).get(0);
		assertThat(request.bodyText()).isEqualTo("{\"eventId\":\"" + inbound.eventId()
				+ "\",\"type\":\"message.inbound\",\"inboundId\":\"" + inboundId
				+ "\",\"from\":\"+491701234567\",\"to\":\"4477\",\"body\":\"STOP ads\",\"keyword\":\"ADS\","
				+ "\"action\":\"STOP\",\"complete\":true,\"receivedAt\":\"2026-02-01T10:00:00Z\"}");
		assertThat(request.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(inbound.eventId().toString());
		assertThat(WebhookSignature.verify(secret, request.header(WebhookSignature.SIGNATURE_HEADER), request.body(),
				Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
		assertThat(receiver.requests("/mo-other")).isEmpty();
	}

	@Test
	void duringARotationOverlapBothSecretsVerifyAndAfterItOnlyTheNewOne() throws Exception {
		String tenant = "rotate-" + UUID.randomUUID();
		String path = "/rotate/" + tenant;
		JsonNode created = subscribe(tenant, receiver.url(path), List.of("message.status"), null);
		String id = created.get("id").asString();
		String oldSecret = created.get("secret").asString();

		ApiAnswer rotated = api("POST", "/v1/webhooks/" + id + "/rotate-secret", tenant, Map.of("overlap", "PT2S"));
		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.body().get("secret").asString();
		assertThat(newSecret).isNotEqualTo(oldSecret).startsWith("whsec_");
		assertThat(rotated.body().get("previousSecretExpiresAt").asString()).isNotEmpty();
		assertThat(api("GET", "/v1/webhooks/" + id, tenant, null).body().has("secret")).isFalse();
		UUID during = UUID.randomUUID();
		publish(StatusChanged.of(during, tenant, MessageStatus.SENT, Instant.now(), null, null, null));
		await().atMost(WAIT).until(() -> receiver.requests(path).size() == 1);
		Received overlapping = receiver.requests(path).get(0);
		assertThat(overlapping.header(WebhookSignature.SIGNATURE_HEADER)).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
		assertThat(verifies(newSecret, overlapping)).isTrue();
		assertThat(verifies(oldSecret, overlapping)).isTrue();

		Thread.sleep(2100);
		publish(StatusChanged.of(UUID.randomUUID(), tenant, MessageStatus.SENT, Instant.now(), null, null, null));
		await().atMost(WAIT).until(() -> receiver.requests(path).size() == 2);
		Received after = receiver.requests(path).get(1);
		assertThat(after.header(WebhookSignature.SIGNATURE_HEADER)).matches("t=\\d+,v1=[0-9a-f]{64}");
		assertThat(verifies(newSecret, after)).isTrue();
		assertThat(verifies(oldSecret, after)).isFalse();
		ApiAnswer tooLong = api("POST", "/v1/webhooks/" + id + "/rotate-secret", tenant, Map.of("overlap", "P30D"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("overlap");
	}

	private static boolean verifies(String secret, Received request) {
		return WebhookSignature.verify(secret, request.header(WebhookSignature.SIGNATURE_HEADER), request.body(),
				Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
	}

}
