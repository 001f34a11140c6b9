package io.smsgw.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.InboundRouted;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Helpers of the inbound, number and suppression tests: fresh numbers, assignments through the
 * admin API, inbound messages published as a connector would.
 */
public abstract class InboundTestSupport extends ApiTestSupport {

	/** A German mobile number no other test uses. */
	protected static String mobile() {
		return "+49151" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A 6-digit short code no other test uses. */
	protected static String shortCode() {
		return Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(900_000));
	}

	/** Gives a number to a tenant, or shares a short code ({@code tenantId} null), through the admin API. */
	protected void assign(String number, String tenantId) throws Exception {
		Map<String, Object> body = (tenantId != null) ? Map.of("tenantId", tenantId) : Map.of("shared", true);
		HttpResponse<String> response = callJson("PUT", "/v1/admin/numbers/" + number, adminToken(), body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	/** Publishes an inbound message as a connector would; returns it. */
	protected static InboundReceived inbound(String from, String to, String body) {
		InboundReceived event = new InboundReceived(UUID.randomUUID(), "smpp-test", from, to, body, true,
				Instant.now());
		KafkaTestClient.publish(Topics.MO_RECEIVED, event);
		return event;
	}

	/** The InboundRouted events published for an inbound message (waits for {@code expected}, then a little). */
	protected static List<InboundRouted> routed(UUID inboundId, int expected) {
		return KafkaTestClient.readValues(Topics.MO_ROUTED,
				(e) -> ((InboundRouted) e).inboundId().equals(inboundId), expected)
			.stream()
			.map(InboundRouted.class::cast)
			.toList();
	}

	/** Whether any InboundRouted event of an inbound message is on the topic (reads it for a few seconds). */
	protected static boolean anyRouted(UUID inboundId) {
		return !KafkaTestClient.read(Topics.MO_ROUTED, (e) -> ((InboundRouted) e).inboundId().equals(inboundId), 1,
				Duration.ofSeconds(4), Duration.ZERO, true).isEmpty();
	}

	/** Waits until the inbound message is stored (for its owner, or unrouted). */
	protected void awaitStored(UUID inboundId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM inbound_message WHERE id = ?", Integer.class, inboundId) == 1);
	}

}
