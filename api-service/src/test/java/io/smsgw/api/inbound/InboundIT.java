package io.smsgw.api.inbound;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.smsgw.api.InboundTestSupport;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.InboundRouted;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound messages end to end on the real broker and database: routed to the owner of the number
 * or of the keyword on a shared short code, stored for it, published as {@code InboundRouted}
 * once even when replayed; unowned ones listed for operators; bad records parked.
 */
class InboundIT extends InboundTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void messageToAnOwnedNumberGoesToItsTenantOnly() throws Exception {
		String number = mobile();
		assign(number, "tenant-a");
		String tokenA = token("client-a", "secret-a", null);
		String tokenB = token("client-b", "secret-b", null);
		assertThat(json(get(tokenA, "/v1/numbers")).get("items").toString()).contains(number);
		assertThat(json(get(tokenB, "/v1/numbers")).get("items").toString()).doesNotContain(number);

		String sender = mobile();
		InboundReceived in = inbound(sender, number.substring(1), "Hello there, is the shop open?");

		List<InboundRouted> routed = routed(in.inboundId(), 1);
		assertThat(routed).hasSize(1);
		InboundRouted event = routed.get(0);
		assertThat(event.tenantId()).isEqualTo("tenant-a");
		assertThat(event.eventId()).isEqualTo(InboundRouted.eventIdOf(in.inboundId()));
		assertThat(event.body()).isEqualTo("Hello there, is the shop open?");
		assertThat(event.to()).as("the owned number in E.164, though the network wrote it without '+'")
			.isEqualTo(number);
		assertThat(event.keyword()).isNull();
		assertThat(event.action()).isNull();

		JsonNode stored = json(get(tokenA, "/v1/inbound/" + in.inboundId()));
		assertThat(stored.get("from").asString()).isEqualTo(sender);
		assertThat(stored.get("body").asString()).isEqualTo("Hello there, is the shop open?");
		assertThat(json(get(tokenA, "/v1/inbound")).get("items").toString()).contains(in.inboundId().toString());
		HttpResponse<String> foreign = get(tokenB, "/v1/inbound/" + in.inboundId());
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("shop");
		assertThat(json(get(tokenB, "/v1/inbound")).toString()).doesNotContain(in.inboundId().toString());
	}

	@Test
	void keywordsOnASharedShortCodePickTheTenant() throws Exception {
		String code = shortCode();
		assign(code, null);
		String admin = adminToken();
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/pizza", admin,
				Map.of("tenantId", "tenant-b")).statusCode()).isEqualTo(201);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/Café", admin,
				Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(201);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/PIZZA", admin,
				Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(409);
		assertThat(callJson("PUT", "/v1/admin/numbers/" + code + "/keywords/stop", admin,
				Map.of("tenantId", "tenant-a")).statusCode()).isEqualTo(400);
		assertThat(json(get(token("client-b", "secret-b", null), "/v1/numbers")).get("items").toString())
			.contains(code, "PIZZA");

		String sender = mobile();
		InboundReceived pizza = inbound(sender, code, "Pizza! one margherita please");
		InboundReceived cafe = inbound(sender, code, "cafe latte");
		InboundReceived nobody = inbound(sender, code, "BURGER please");
		InboundReceived stop = inbound(sender, code, "pizza stop");

		InboundRouted toB = routed(pizza.inboundId(), 1).get(0);
		assertThat(toB.tenantId()).isEqualTo("tenant-b");
		assertThat(toB.keyword()).isEqualTo("PIZZA");
		InboundRouted toA = routed(cafe.inboundId(), 1).get(0);
		assertThat(toA.tenantId()).isEqualTo("tenant-a");
		assertThat(toA.keyword()).isEqualTo("CAFE");
		InboundRouted stopB = routed(stop.inboundId(), 1).get(0);
		assertThat(stopB.tenantId()).isEqualTo("tenant-b");
		assertThat(stopB.action()).isEqualTo("STOP");
		assertThat(get(token("client-b", "secret-b", null), "/v1/suppressions/" + sender).statusCode()).isEqualTo(200);
		assertThat(get(token("client-a", "secret-a", null), "/v1/suppressions/" + sender).statusCode()).isEqualTo(404);

		awaitStored(nobody.inboundId());
		assertThat(anyRouted(nobody.inboundId())).isFalse();
		assertThat(unrouted()).contains(nobody.inboundId().toString());
	}

	@Test
	void unownedMessagesAreListedForOperatorsAndCounted() throws Exception {
		double before = unroutedCount();
		InboundReceived in = inbound(mobile(), mobile(), "anyone there?");
		awaitStored(in.inboundId());

		assertThat(this.jdbc.queryForObject("SELECT tenant_id FROM inbound_message WHERE id = ?", String.class,
				in.inboundId())).isNull();
		String list = unrouted();
		assertThat(list).contains(in.inboundId().toString(), "anyone there?", "smpp-test");
		assertThat(unroutedCount()).isGreaterThanOrEqualTo(before + 1);
		assertThat(anyRouted(in.inboundId())).isFalse();
		assertThat(get(token("client-a", "secret-a", null), "/v1/admin/inbound/unrouted").statusCode()).isEqualTo(403);
		assertThat(get(token("client-a", "secret-a", null), "/v1/inbound/" + in.inboundId()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aReplayedInboundMessageChangesNothingTwice() throws Exception {
		String number = mobile();
		assign(number, "tenant-a");
		String sender = mobile();
		InboundReceived stop = new InboundReceived(UUID.randomUUID(), "smpp-test", sender, number, "STOP", true,
				Instant.now());
		KafkaTestClient.publish(Topics.MO_RECEIVED, stop, stop);
		KafkaTestClient.publish(Topics.MO_RECEIVED, stop);
		InboundReceived after = new InboundReceived(UUID.randomUUID(), "smpp-test", mobile(), number, "later", true,
				Instant.now());
		KafkaTestClient.publishRaw(Topics.MO_RECEIVED, stop.key(), io.smsgw.common.kafka.EventJson.write(after));
		awaitStored(after.inboundId());

		assertThat(routed(stop.inboundId(), 1)).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM inbound_message WHERE id = ?", Integer.class,
				stop.inboundId())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM suppression WHERE tenant_id = 'tenant-a' "
				+ "AND number = ? AND active", Integer.class, sender)).isEqualTo(1);
		assertThat(this.meters.find("sms.suppression.changes").tag("tenant", "tenant-a").counters()).isNotEmpty();
	}

	@Test
	void malformedRecordsAreParkedAndTheNextOnesHandled() throws Exception {
		String key = "poison-" + UUID.randomUUID();
		KafkaTestClient.publishRaw(Topics.MO_RECEIVED, key, "{not json".getBytes(StandardCharsets.UTF_8));
		String noSender = "{\"inboundId\":\"" + UUID.randomUUID() + "\",\"to\":\"12345\",\"body\":\"x\"}";
		KafkaTestClient.publishRaw(Topics.MO_RECEIVED, key, noSender.getBytes(StandardCharsets.UTF_8));
		String number = mobile();
		assign(number, "tenant-b");
		InboundReceived good = inbound(mobile(), number, "after the poison");

		assertThat(routed(good.inboundId(), 1)).hasSize(1);
		assertThat(KafkaTestClient.countRaw(Topics.deadLetter(Topics.MO_RECEIVED), key, 2, Duration.ofSeconds(20)))
			.isEqualTo(2);
	}

	private String unrouted() throws Exception {
		HttpResponse<String> response = get(adminToken(), "/v1/admin/inbound/unrouted?limit=100");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** Unrouted inbound messages counted so far, over every tenant tag. */
	private double unroutedCount() {
		return this.meters.find("sms.inbound.received").tag("outcome", "unrouted").counters().stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum();
	}

}
