package io.smsgw.router.dispatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.smsgw.common.event.ConnectorHealth;
import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;
import io.smsgw.router.AdminClient;
import io.smsgw.router.ListenerAssignment;
import io.smsgw.router.RouterTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Group routes end to end over Kafka: failover after a retriable failure, final failures, least cost, health. */
@RouterTest
class FailoverIT {

	@LocalServerPort
	int port;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	AdminClient admin;

	@BeforeEach
	void routes() {
		this.admin = new AdminClient(this.port);
		for (String id : List.of("it-fo-a", "it-fo-b", "it-lc-a", "it-lc-b", "it-h-a", "it-h-b")) {
			this.admin.admin("POST", "/v1/admin/connectors", Map.of("id", id, "kind", "SMPP"));
		}
		route("failover", "+4477009", "FAILOVER", member("it-fo-a", "0.05"), member("it-fo-b", "0.04"));
		route("least cost", "+4477008", "LEAST_COST", member("it-lc-a", "0.05"), member("it-lc-b", "0.03"));
		route("health", "+4477007", "FAILOVER", member("it-h-a", "0.05"), member("it-h-b", "0.04"));
	}

	@Test
	void retriableFailureMovesTheMessageToTheNextConnectorThenAllRoutesFailed() {
		MessageAccepted accepted = accepted("+447700900123");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		DispatchRequest first = dispatched("it-fo-a", accepted.messageId());
		assertThat(first.attempt()).isEqualTo(1);

		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED, failed(first, true));
		DispatchRequest second = dispatched("it-fo-b", accepted.messageId());
		assertThat(second).usingRecursiveComparison()
			.ignoringFields("pricePerSegment")
			.isEqualTo(first.nextAttempt("it-fo-b", null));
		assertThat(first.pricePerSegment()).as("the failover route's price on it-fo-a").isEqualByComparingTo("0.05");
		assertThat(second.pricePerSegment()).as("the failover route's price on it-fo-b").isEqualByComparingTo("0.04");

		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED, failed(second, true));
		assertThat(finalFailure(accepted.messageId()).reasonCode()).isEqualTo("ALL_ROUTES_FAILED");
		AdminClient.Answer decisions = this.admin.admin("GET", "/v1/admin/decisions/" + accepted.messageId(), null);
		assertThat(decisions.body().findValuesAsString("connectorId")).containsExactly("it-fo-a", "it-fo-b");
		assertThat(decisions.body().findValues("pricePerSegment")).extracting((p) -> p.decimalValue().doubleValue())
			.containsExactly(0.05, 0.04);
	}

	@Test
	void permanentFailureEndsTheMessageWithoutFailover() {
		MessageAccepted accepted = accepted("+447700900124");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		DispatchRequest first = dispatched("it-fo-a", accepted.messageId());

		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED, failed(first, false));

		MessageFailed failed = finalFailure(accepted.messageId());
		assertThat(failed.reasonCode()).isEqualTo("PERMANENT_FAILURE");
		assertThat(failed.errorCode()).isEqualTo("0x0000000B");
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-fo-b"), of(accepted.messageId()), 0)).isEmpty();
	}

	@Test
	void messageHandedBackByAConnectorWithNoLinkGoesToTheNextOneThenWaitsThereRatherThanFail() {
		MessageAccepted accepted = accepted("+447700900125");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		DispatchRequest first = dispatched("it-fo-a", accepted.messageId());

		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED, unavailable(first));
		DispatchRequest second = dispatched("it-fo-b", accepted.messageId());
		assertThat(second.attempt()).isEqualTo(2);

		// the last candidate has no link either: nothing failed for good, the message waits on it
		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED, unavailable(second));
		List<SmsEvent> onB = KafkaTestClient.readValues(Topics.dispatch("it-fo-b"), of(accepted.messageId()), 2);
		assertThat(onB).hasSize(2).containsOnly(second);
		assertThat(KafkaTestClient.readValues(Topics.MT_FAILED, of(accepted.messageId()), 0)).isEmpty();
	}

	@Test
	void leastCostRouteSendsThroughTheCheapestConnectorAndRecordsThePrice() {
		MessageAccepted accepted = accepted("+447700800123");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		dispatched("it-lc-b", accepted.messageId());
		AdminClient.Answer decisions = this.admin.admin("GET", "/v1/admin/decisions/" + accepted.messageId(), null);
		assertThat(decisions.body().get(0).get("pricePerSegment").decimalValue()).isEqualByComparingTo("0.03");
		assertThat(decisions.body().get(0).get("routeName").asString()).isEqualTo("least cost");
	}

	@Test
	void connectorReportedDownIsSkipped() {
		ListenerAssignment.await(this.listeners, "router-connector-health");
		KafkaTestClient.publish(Topics.CONNECTOR_HEALTH, new ConnectorHealth("it-h-a", "smpp-1", 0, 2, Instant.now()));
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(this.admin.admin("POST", "/v1/admin/routes/explain", Map.of("to", "+447700700123"))
				.body().get("connectorId").asString()).isEqualTo("it-h-b"));
		MessageAccepted accepted = accepted("+447700700123");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		dispatched("it-h-b", accepted.messageId());
	}

	private void route(String name, String prefix, String strategy, Map<String, Object>... members) {
		boolean exists = this.admin.admin("GET", "/v1/admin/routes", null).body().findValuesAsString("name").contains(name);
		if (!exists) {
			assertThat(this.admin.admin("POST", "/v1/admin/routes",
					Map.of("name", name, "prefix", prefix, "strategy", strategy, "members", List.of(members))).status())
				.isEqualTo(201);
		}
	}

	private static Map<String, Object> member(String connectorId, String price) {
		return Map.of("connectorId", connectorId, "pricePerSegment", new java.math.BigDecimal(price));
	}

	private static DispatchRequest dispatched(String connectorId, UUID messageId) {
		List<SmsEvent> found = KafkaTestClient.readValues(Topics.dispatch(connectorId), of(messageId), 1);
		assertThat(found).as("dispatched to " + connectorId).isNotEmpty();
		return (DispatchRequest) found.get(found.size() - 1);
	}

	private static MessageFailed finalFailure(UUID messageId) {
		List<SmsEvent> found = KafkaTestClient.readValues(Topics.MT_FAILED, of(messageId), 1);
		assertThat(found).hasSize(1);
		return (MessageFailed) found.get(0);
	}

	private static DispatchFailed failed(DispatchRequest request, boolean retriable) {
		return new DispatchFailed(request.messageId(), request.connectorId(), request.attempt(),
				retriable ? "0x00000058" : "0x0000000B", retriable ? "Throttled" : "Invalid destination", retriable,
				Instant.now(), request);
	}

	private static DispatchFailed unavailable(DispatchRequest request) {
		return new DispatchFailed(request.messageId(), request.connectorId(), request.attempt(),
				io.smsgw.common.kafka.DispatchListener.CONNECTOR_UNAVAILABLE, "no SMPP bind up", true, Instant.now(),
				request);
	}

	private static MessageAccepted accepted(String to) {
		return new MessageAccepted(UUID.randomUUID(), "tenant-a", to, "ACME", "hello", "GSM7", 2, null,
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	private static java.util.function.Predicate<SmsEvent> of(UUID messageId) {
		return (event) -> (event instanceof DispatchRequest r && r.messageId().equals(messageId))
				|| (event instanceof MessageFailed f && f.messageId().equals(messageId));
	}

}
