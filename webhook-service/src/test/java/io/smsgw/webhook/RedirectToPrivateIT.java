package io.smsgw.webhook;

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
 * SSRF through redirects, end to end: a subscriber's endpoint that answers 301/302/307/308 to
 * an internal address (another service on 127.0.0.1, allow-listed here; the metadata address;
 * IPv6 loopback; numeric and IPv4-mapped forms) is never followed: each attempt is logged failed
 * with the redirect named, the internal address gets nothing, and the callback goes through
 * once the endpoint answers 2xx itself.
 */
class RedirectToPrivateIT extends WebhookITSupport {

	@Test
	void redirectsAreRecordedAsFailedAttemptsAndNeverFollowed() throws Exception {
		String tenant = "redirect-" + UUID.randomUUID();
		String path = "/redirecting/" + tenant;
		String internal = "/internal/" + tenant;
		List<String> locations = List.of(receiver.url(internal), "http://169.254.169.254/latest/meta-data/",
				receiver.url(internal).replace("127.0.0.1", "[::1]"), "http://2130706433/", "http://0x7f.1/",
				"http://[::ffff:127.0.0.1]/");
		int[] codes = { 301, 302, 307, 308, 302, 307 };
		Answer[] answers = new Answer[locations.size()];
		for (int i = 0; i < answers.length; i++) {
			answers[i] = Answer.status(codes[i], "Location", locations.get(i));
		}
		receiver.script(path, answers);
		subscribe(tenant, receiver.url(path), List.of("message.status"), null);
		StatusChanged sent = StatusChanged.of(UUID.randomUUID(), tenant, MessageStatus.SENT, java.time.Instant.now(),
				null, null, null);

		publish(sent);

		await().atMost(WAIT).until(() -> isDelivered(delivery(tenant, sent)));
		assertThat(receiver.requests(path)).hasSize(locations.size() + 1);
		assertThat(receiver.accepted(path)).hasSize(1);
		assertThat(receiver.requests(internal)).isEmpty();
		JsonNode delivery = delivery(tenant, sent);
		JsonNode log = delivery.get("attemptLog");
		assertThat(log).hasSize(locations.size() + 1);
		for (int i = 0; i < locations.size(); i++) {
			assertThat(log.get(i).get("status").asInt()).isEqualTo(codes[i]);
			assertThat(log.get(i).get("error").asString()).as(locations.get(i))
				.startsWith("HTTP " + codes[i] + ": redirect not followed (Location: ");
		}
		assertThat(log.get(1).get("error").asString()).contains("http://169.254.169.254/latest/meta-data/");
		assertThat(log.get(locations.size()).get("status").asInt()).isEqualTo(200);
	}

	private JsonNode delivery(String tenant, StatusChanged event) {
		ApiAnswer answer = api("GET", "/v1/webhooks/deliveries/" + event.eventId(), tenant, null);
		return (answer.status() == 200) ? answer.body().get("deliveries").get(0) : null;
	}

	private static boolean isDelivered(JsonNode delivery) {
		return delivery != null && delivery.get("state") != null && "delivered".equals(delivery.get("state").asString());
	}

}
