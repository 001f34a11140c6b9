package io.smsgw.router.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import io.smsgw.common.event.RoutingChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;
import io.smsgw.router.AdminClient;
import io.smsgw.router.AdminClient.Answer;
import io.smsgw.router.ListenerAssignment;
import io.smsgw.router.RouterTest;
import io.smsgw.router.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RouterTest
class AdminApiIT {

	@LocalServerPort
	int port;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	AdminClient client() {
		return new AdminClient(this.port);
	}

	@Test
	void adminApiNeedsATokenWithTheAdminScopeWhileHealthIsOpen() {
		Answer none = client().send("GET", "/v1/admin/routes", null, null);
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(client().send("GET", "/v1/admin/routes", "not-a-jwt", null).status()).isEqualTo(401);
		assertThat(client().send("GET", "/v1/admin/routes", TestTokens.token("messages:send"), null).status())
			.isEqualTo(403);
		Answer routes = client().admin("GET", "/v1/admin/routes", null);
		assertThat(routes.status()).isEqualTo(200);
		assertThat(routes.body().findValuesAsString("name")).contains("default");
		assertThat(client().send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
	}

	@Test
	void invalidRoutesAndConnectorsAreRefusedWithFieldErrors() {
		Answer route = client().admin("POST", "/v1/admin/routes", Map.of("name", "bad", "prefix", "+0x1",
				"strategy", "CHEAPEST", "senderPattern", "([", "members", List.of(Map.of("connectorId", "nobody"))));
		assertThat(route.status()).isEqualTo(400);
		assertThat(route.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("prefix",
				"strategy", "senderPattern", "members[0].connectorId");
		Answer connector = client().admin("POST", "/v1/admin/connectors", Map.of("id", "bad id!", "kind", "FAX"));
		assertThat(connector.status()).isEqualTo(400);
		assertThat(connector.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("id", "kind");
		assertThat(client().admin("POST", "/v1/admin/routes", "{not json").status()).isEqualTo(400);
		assertThat(client().admin("GET", "/v1/admin/routes/999999", null).status()).isEqualTo(404);
	}

	@Test
	void theDefaultRouteCannotBeDeletedAndAUsedConnectorNeither() {
		long defaultId = client().admin("GET", "/v1/admin/routes", null).body().findParents("name").stream()
			.filter((r) -> r.get("isDefault").asBoolean())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		assertThat(client().admin("DELETE", "/v1/admin/routes/" + defaultId, null).status()).isEqualTo(409);
		assertThat(client().admin("DELETE", "/v1/admin/connectors/it-default", null).status()).isEqualTo(409);
	}

	@Test
	void registeringAConnectorCreatesItsDispatchTopicsAndCrudWorks() {
		Answer created = client().admin("POST", "/v1/admin/connectors",
				Map.of("id", "it-crud", "kind", "MODEM", "description", "rack 1"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(this.kafkaAdmin.describeTopics(Topics.dispatch("it-crud"), Topics.dispatch("it-crud") + "-dlt"))
			.hasSize(2);
		assertThat(client().admin("POST", "/v1/admin/connectors", Map.of("id", "it-crud", "kind", "SMPP")).status())
			.isEqualTo(409);
		Answer updated = client().admin("PUT", "/v1/admin/connectors/it-crud", Map.of("kind", "MODEM", "enabled", false));
		assertThat(updated.body().get("enabled").asBoolean()).isFalse();
		Answer route = client().admin("POST", "/v1/admin/routes",
				Map.of("name", "crud", "prefix", "+3906", "members", List.of(Map.of("connectorId", "it-crud"))));
		assertThat(route.status()).isEqualTo(201);
		String path = "/v1/admin/routes/" + route.body().get("id").asLong();
		assertThat(client().admin("PUT", path, Map.of("name", "crud 2", "prefix", "3907", "members",
				List.of(Map.of("connectorId", "it-crud")))).body().get("filters").get("prefix").asString())
			.isEqualTo("3907");
		assertThat(client().admin("DELETE", path, null).status()).isEqualTo(204);
		assertThat(client().admin("GET", path, null).status()).isEqualTo(404);
		assertThat(client().admin("DELETE", "/v1/admin/connectors/it-crud", null).status()).isEqualTo(204);
	}

	@Test
	void explainTellsWhichRouteAndWhyWithoutSending() {
		client().admin("POST", "/v1/admin/connectors", Map.of("id", "it-explain", "kind", "SMPP"));
		client().admin("POST", "/v1/admin/routes", Map.of("name", "explain marketing", "prefix", "+3520",
				"messageType", "MARKETING", "members", List.of(Map.of("connectorId", "it-explain"))));
		Answer marketing = client().admin("POST", "/v1/admin/routes/explain",
				Map.of("tenantId", "t", "to", "+352021234567", "from", "ACME", "messageType", "MARKETING"));
		assertThat(marketing.body().get("outcome").asString()).isEqualTo("ROUTED");
		assertThat(marketing.body().get("connectorId").asString()).isEqualTo("it-explain");
		Answer transactional = client().admin("POST", "/v1/admin/routes/explain",
				Map.of("tenantId", "t", "to", "+352021234567", "from", "ACME"));
		assertThat(transactional.body().get("connectorId").asString()).isEqualTo("it-default");
		assertThat(transactional.body().get("considered").get(0).get("outcome").asString()).isEqualTo("NOT_MATCHED");
		assertThat(transactional.body().get("considered").get(0).get("reason").asString())
			.contains("message type TRANSACTIONAL is not MARKETING");
		assertThat(client().admin("POST", "/v1/admin/routes/explain", Map.of("to", "hello")).body().get("outcome")
			.asString()).isEqualTo("NO_ROUTE");
	}

	@Test
	void aChangeMadeElsewhereIsPickedUpFromTheChangeEventWithoutARestart() {
		client().admin("POST", "/v1/admin/connectors", Map.of("id", "it-reload", "kind", "SMPP"));
		// another instance writes the table and announces the new version; this one only hears the event
		long version = this.jdbc.queryForObject("update router.routing_version set version = version + 1 returning version",
				Long.class);
		Long routeId = this.jdbc.queryForObject(
				"insert into router.route (name, priority, prefix, strategy) values ('elsewhere', 1, '35799', 'FAILOVER') returning id",
				Long.class);
		this.jdbc.update("insert into router.route_member (route_id, position, connector_id) values (?, 0, 'it-reload')",
				routeId);
		assertThat(explain("+35799123456")).isEqualTo("it-default");
		ListenerAssignment.await(this.listeners, "router-routing-changed");
		KafkaTestClient.publish(Topics.ROUTING_CHANGED, new RoutingChanged(version, "route elsewhere", Instant.now()));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(explain("+35799123456")).isEqualTo("it-reload"));
	}

	private String explain(String to) {
		return client().admin("POST", "/v1/admin/routes/explain", Map.of("to", to)).body().get("connectorId").asString();
	}

}
