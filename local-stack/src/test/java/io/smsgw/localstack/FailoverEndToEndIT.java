package io.smsgw.localstack;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover across SMSCs with the whole suite running: a failover route lists an SMSC that is
 * down, one that answers every submit_sm with ESME_RSYSERR, and the simulator that works. The
 * router skips the dead one (its binds are reported down), the failing one gives the message
 * back as retriable, and the message is delivered through the third — sent once, not lost.
 */
class FailoverEndToEndIT {

	private static final JsonMapper json = GatewayClient.json;

	private static SmscSimulator failing;

	private static GatewayStack stack;

	private final GatewayClient client = new GatewayClient(stack);

	@BeforeAll
	static void startGateway() throws Exception {
		LocalStackOptions options = LocalStackOptions.forTests();
		failing = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withPort(0)
			.withCredentials(options.smscSystemId(), options.smscPassword())
			.withFailures(1.0, 0x00000008));
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Map<String, Object> smpp = new HashMap<>();
		connection(smpp, 1, "smsc-failing", failing.port(), options);
		smpp.put("sms.smpp.connections[1].retry.max-attempts", 1);
		connection(smpp, 2, "smsc-down", closedPort, options);
		smpp.put("sms.smpp.connections[2].reconnect.initial", "5s");
		stack = GatewayStack.start(options,
				Map.of("smpp-connector-service", smpp, "api-service",
						Map.of("sms.api.seed.tenants[0].tenant-id", "ops", "sms.api.seed.tenants[0].client-id", "ops",
								"sms.api.seed.tenants[0].client-secret", "ops-secret",
								"sms.api.seed.tenants[0].scopes[0]", "admin")));
	}

	private static void connection(Map<String, Object> properties, int index, String id, int port,
			LocalStackOptions options) {
		String prefix = "sms.smpp.connections[" + index + "].";
		properties.put(prefix + "id", id);
		properties.put(prefix + "host", "127.0.0.1");
		properties.put(prefix + "port", port);
		properties.put(prefix + "system-id", options.smscSystemId());
		properties.put(prefix + "password", options.smscPassword());
	}

	@AfterAll
	static void stopGateway() {
		if (stack != null) {
			stack.close();
		}
		if (failing != null) {
			failing.close();
		}
	}

	@Test
	void messageFailsOverPastADownAndAFailingSmscAndIsDeliveredOnce() throws Exception {
		String admin = this.client.token("ops", "ops-secret", "admin");
		for (String connector : List.of("smsc-failing", "smsc-down")) {
			HttpResponse<String> created = router(admin, "/v1/admin/connectors",
					"{\"id\":\"" + connector + "\",\"kind\":\"SMPP\",\"description\":\"failover test\"}");
			assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
		}
		HttpResponse<String> route = router(admin, "/v1/admin/routes", """
				{"name":"failover-49170","priority":10,"prefix":"49170","strategy":"FAILOVER",
				 "members":[{"connectorId":"smsc-down","pricePerSegment":0.01},
				            {"connectorId":"smsc-failing","pricePerSegment":0.02},
				            {"connectorId":"smsc-local","pricePerSegment":0.03}]}""");
		assertThat(route.statusCode()).as(route.body()).isIn(200, 201);
		String explainRequest = "{\"tenantId\":\"demo\",\"to\":\"+491701234567\",\"from\":\"ACME\"}";
		GatewayClient.await(() -> "smsc-failing".equals(json.readTree(router(admin, "/v1/admin/routes/explain", explainRequest).body())
			.path("connectorId")
			.asText()));

		String token = this.client.token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret(),
				"messages:send messages:read");
		HttpResponse<String> accepted = this.client.post(this.client.apiUrl() + "/v1/messages", token,
				"{\"to\":\"+491701234567\",\"from\":\"ACME\",\"body\":\"Failover works\"}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String id = json.readTree(accepted.body()).path("id").asText();

		GatewayClient.await(() -> "delivered".equals(this.client.message(token, id).path("status").asText()));
		assertThat(this.client.message(token, id).path("price").decimalValue())
			.as("the price of the connector that sent it, for its one part")
			.isEqualByComparingTo("0.03");
		assertThat(failing.submits()).extracting(ReceivedSubmit::destAddr).containsExactly("491701234567");
		assertThat(failing.submits()).allSatisfy((submit) -> assertThat(submit.commandStatus()).isEqualTo(8));
		assertThat(stack.simulator().submits()).filteredOn((submit) -> submit.destAddr().equals("491701234567"))
			.hasSize(1)
			.allSatisfy((submit) -> assertThat(submit.accepted()).isTrue());
		JsonNode decisions = json.readTree(this.client.get(this.client.routerUrl() + "/v1/admin/decisions/" + id, admin).body());
		assertThat(decisions.toString()).contains("smsc-failing").contains("smsc-local").doesNotContain("smsc-down\"");
	}

	private HttpResponse<String> router(String token, String path, String body) throws Exception {
		return this.client.post(this.client.routerUrl() + path, token, body);
	}

}
