package io.smsgw.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.RecordingReceiver.Answer;
import io.smsgw.webhook.delivery.DeliveryState;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No signing secret (subscription secret, the previous one during a rotation, the tenant's
 * configured secret), bearer token or token in a callback URL's query reaches the logs, with the
 * service's, Spring Security's, Kafka's and the HTTP client's loggers at DEBUG and Spring MVC's at
 * TRACE, while subscriptions are created, rotated and used for signed callbacks that fail (5xx,
 * redirect, refused connection, refused target) and succeed; and no API answer shows a secret
 * except the one that creates or rotates it.
 */
class WebhookSecretsNeverLeakIT extends WebhookITSupport {

	private static final List<String> DEBUG_LOGGERS = List.of("io.smsgw", "org.springframework.security",
			"org.springframework.kafka", "org.apache.hc.client5.http.impl");

	/** At TRACE, Spring MVC logs whole request and answer bodies (their {@code toString()}). */
	private static final List<String> TRACE_LOGGERS = List.of("org.springframework.web");

	@Test
	void noSecretOrTokenIsLoggedWhileSubscriptionsAreCreatedRotatedAndUsed() throws Exception {
		String tenant = "leak-" + UUID.randomUUID().toString().substring(0, 8);
		String queryToken = "qtok" + UUID.randomUUID().toString().replace("-", "");
		String path = "/leak/" + tenant;
		String deadPath = "/leak-dead/" + tenant;
		List<String> secrets = new ArrayList<>(List.of(SECRET));
		List<String> answers = new ArrayList<>();
		try (LogCapture logs = new LogCapture(DEBUG_LOGGERS, TRACE_LOGGERS)) {
			String token = TestTokens.token(tenant, "webhooks:manage");
			secrets.add(token);
			receiver.script(path, Answer.status(500), Answer.status(302, "Location", "http://169.254.169.254/"),
					Answer.status(503, "Retry-After", "1"));
			JsonNode created = subscribe(tenant, receiver.url(path) + "?token=" + queryToken, List.of("message.status"),
					null);
			String id = created.get("id").asString();
			String first = created.get("secret").asString();
			JsonNode dead = subscribe(tenant, "http://127.0.0.1:1" + deadPath + "?token=" + queryToken,
					List.of("message.status"), List.of("delivered"));
			String deadSecret = dead.get("secret").asString();
			ApiAnswer rotated = api("POST", "/v1/webhooks/" + id + "/rotate-secret", tenant, Map.of("overlap", "PT10M"));
			String second = rotated.body().get("secret").asString();
			secrets.addAll(List.of(first, second, deadSecret));
			answers.add(rotated.body().toString().replace(second, ""));
			answers.add(api("GET", "/v1/webhooks/" + id, tenant, null).body().toString());
			answers.add(api("GET", "/v1/webhooks", tenant, null).body().toString());
			answers.add(String.valueOf(apiWithToken("GET", "/v1/webhooks", token + "x", null).body()));
			answers.add(api("POST", "/v1/webhooks", tenant, Map.of("url", "http://user:" + queryToken + "@example.com/cb",
					"eventTypes", List.of("message.status"))).body().toString());
			answers.add(api("POST", "/v1/webhooks", tenant, Map.of("url", "http://169.254.169.254/?token=" + queryToken,
					"eventTypes", List.of("message.status"))).body().toString());

			UUID messageId = UUID.randomUUID();
			StatusChanged sent = StatusChanged.of(messageId, tenant, MessageStatus.SENT, Instant.now(), null, null, null);
			StatusChanged delivered = StatusChanged.of(messageId, tenant, MessageStatus.DELIVERED, Instant.now(), "000",
					null, null);
			StatusChanged direct = StatusChanged.of(UUID.randomUUID(), "tenant-a", MessageStatus.SENT, Instant.now(), null,
					null, receiver.url(path + "/direct") + "?token=" + queryToken);
			StatusChanged refused = StatusChanged.of(UUID.randomUUID(), "tenant-a", MessageStatus.SENT, Instant.now(),
					null, null, "http://10.0.0.1/cb?token=" + queryToken);
			publish(sent, delivered, direct, refused);

			await().atMost(WAIT).until(() -> receiver.accepted(path).size() == 2 && stateOf(direct) == DeliveryState.DELIVERED
					&& stateOf(refused) == DeliveryState.FAILED);
			await().atMost(WAIT).until(() -> deadAttempts(tenant, messageId, deadPath) >= 2);

			assertThat(receiver.requests(path)).as("three failed attempts, then sent and delivered").hasSize(5);
			for (var request : receiver.accepted(path)) {
				String signature = request.header(WebhookSignature.SIGNATURE_HEADER);
				assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
				assertThat(WebhookSignature.verify(first, signature, request.body(), Instant.now(),
						WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
				assertThat(WebhookSignature.verify(second, signature, request.body(), Instant.now(),
						WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
			}
			assertThat(receiver.accepted(path + "/direct")).hasSize(1);
			List<String> lines = logs.lines();
			assertThat(lines).as("log lines captured").hasSizeGreaterThan(20);
			for (String secret : secrets) {
				assertThat(lines).as("logs").noneMatch((line) -> line.contains(secret));
				assertThat(answers).as("API answers").noneMatch((answer) -> answer.contains(secret));
			}
			// the HTTP client's own DEBUG log prints request lines, query included (docs/webhook-service.md)
			assertThat(lines).as("logs but the HTTP client's DEBUG")
				.filteredOn((line) -> !line.startsWith("org.apache.hc.client5."))
				.noneMatch((line) -> line.contains(queryToken));
			assertThat(answers.subList(4, 6)).as("refusals of URLs with credentials or a token")
				.allMatch((answer) -> answer.contains("\"field\":\"url\""))
				.noneMatch((answer) -> answer.contains(queryToken));
			assertThat(lines).as("the HTTP client's DEBUG log really ran")
				.anyMatch((line) -> line.startsWith("org.apache.hc.client5.") && line.contains("executing POST /leak/"));
			assertThat(answers.get(1)).doesNotContain("\"secret\"");
		}
	}

	/** Failed attempts to the dead endpoint, as the tenant sees them in the delivery log API. */
	private int deadAttempts(String tenant, UUID messageId, String deadPath) {
		int attempts = 0;
		for (JsonNode item : api("GET", "/v1/webhooks/deliveries?messageId=" + messageId, tenant, null).body()
			.get("items")) {
			if (item.get("url").asString().contains(deadPath)) {
				assertThat(item.get("lastError").asString()).contains("ConnectException");
				attempts += item.get("attempts").asInt();
			}
		}
		return attempts;
	}

}
