package io.smsgw.localstack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole suite in one JVM on the embedded Kafka broker and PostgreSQL with the SMSC simulator:
 * one long GSM message and one Unicode message travel from the REST API to the SMSC and their
 * statuses back to the API and to the tenant's webhook.
 */
class EndToEndIT {

	private static final String OTHER_TENANT_CLIENT = "other-client";

	private static final String OTHER_TENANT_SECRET = "other-secret";

	private static final String OPERATOR_CLIENT = "operator-client";

	private static final String OPERATOR_SECRET = "operator-secret";

	private static final JsonMapper json = GatewayClient.json;

	private static CallbackRecorder callbacks;

	private static GatewayStack stack;

	private final GatewayClient client = new GatewayClient(stack);

	@BeforeAll
	static void startGateway() throws Exception {
		callbacks = new CallbackRecorder();
		stack = GatewayStack.start(LocalStackOptions.forTests(),
				Map.of("api-service", Map.of("sms.api.seed.tenants[0].tenant-id", "other", "sms.api.seed.tenants[0].tenant-name",
						"Other tenant", "sms.api.seed.tenants[0].client-id", OTHER_TENANT_CLIENT,
						"sms.api.seed.tenants[0].client-secret", OTHER_TENANT_SECRET, "sms.api.seed.tenants[1].tenant-id",
						"operator", "sms.api.seed.tenants[1].tenant-name", "Gateway operator",
						"sms.api.seed.tenants[1].client-id", OPERATOR_CLIENT, "sms.api.seed.tenants[1].client-secret",
						OPERATOR_SECRET, "sms.api.seed.tenants[1].scopes[0]", "admin")));
	}

	@AfterAll
	static void stopGateway() {
		if (stack != null) {
			stack.close();
		}
		if (callbacks != null) {
			callbacks.close();
		}
	}

	@Test
	void longGsmAndUnicodeMessagesTravelToTheSmscAndTheirStatusesBack() throws Exception {
		String token = token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret());
		String longText = "Your parcel 4711 is on its way. ".repeat(10).substring(0, 300);
		JsonNode gsm = send(token, "+49 151 23456789", "ACME", longText);
		assertThat(gsm.path("status").asText()).isEqualTo("accepted");
		assertThat(gsm.path("encoding").asText()).isEqualTo("GSM7");
		assertThat(gsm.path("segments").asInt()).isEqualTo(2);
		String unicodeText = "Ваш код: 4711 ✅ — спасибо!";
		JsonNode unicode = send(token, "+4915123456780", "+4915799999999", unicodeText);
		assertThat(unicode.path("encoding").asText()).isEqualTo("UCS2");
		assertThat(unicode.path("segments").asInt()).isEqualTo(1);

		GatewayClient.await(() -> submitsTo("4915123456789").size() >= 2 && submitsTo("4915123456780").size() >= 1);
		List<ReceivedSubmit> gsmParts = submitsTo("4915123456789");
		assertThat(gsmParts).hasSize(2).allSatisfy((part) -> {
			assertThat(part.sourceAddr()).isEqualTo("ACME");
			assertThat(part.sourceTon()).isEqualTo(5);
			assertThat(part.sourceNpi()).isZero();
			assertThat(part.destTon()).isEqualTo(1);
			assertThat(part.destNpi()).isEqualTo(1);
			assertThat(part.dataCoding()).isZero();
			assertThat(part.hasUdh()).isTrue();
		});
		List<String> udhs = gsmParts.stream().map((p) -> HexFormat.of().formatHex(p.udh())).sorted().toList();
		String reference = udhs.get(0).substring(6, 8);
		assertThat(udhs).containsExactly("050003" + reference + "0201", "050003" + reference + "0202");
		assertThat(submitsTo("4915123456780")).hasSize(1);
		ReceivedSubmit unicodePart = submitsTo("4915123456780").get(0);
		assertThat(unicodePart.dataCoding()).isEqualTo(8);
		assertThat(new String(unicodePart.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo(unicodeText);
		assertThat(unicodePart.sourceTon()).isEqualTo(1);

		String id = gsm.path("id").asText();
		GatewayClient.await(() -> "delivered".equals(get(token, id).path("status").asText()));
		JsonNode message = get(token, id);
		List<String> statuses = new ArrayList<>();
		Instant previous = Instant.EPOCH;
		for (JsonNode entry : message.path("history")) {
			statuses.add(entry.path("status").asText());
			Instant at = Instant.parse(entry.path("at").asText());
			assertThat(at).isAfterOrEqualTo(previous);
			previous = at;
		}
		assertThat(statuses).containsExactly("accepted", "sent", "delivered");

		GatewayClient.await(() -> callbacksFor(id).size() >= 2);
		List<CallbackRecorder.Callback> received = callbacksFor(id);
		assertThat(received).extracting((c) -> json.readTree(c.body()).path("status").asText())
			.containsExactly("sent", "delivered");
		for (CallbackRecorder.Callback callback : received) {
			assertThat(WebhookSignature.verify(stack.options().webhookSecret(), callback.signature(), callback.body(),
					Instant.now(), Duration.ofMinutes(5)))
				.as("signature of %s", callback.body())
				.isTrue();
		}
	}

	@Test
	void messageToTheModemRacksPrefixIsSentByAModemAndDeliveredByItsStatusReport() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(stack.modems() != null, "socat is not installed: no modem rack");
		String token = token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret());
		String text = "Über die Modems: code 4711";
		String id = send(token, "+447911123456", "ACME", text).path("id").asText();

		GatewayClient.await(() -> "delivered".equals(get(token, id).path("status").asText()));
		List<io.smsgw.simulator.modem.SubmitPduDecoder.Submit> submits = new ArrayList<>();
		for (int i = 0; i < stack.modems().size(); i++) {
			stack.modems().modem(i).submits().stream().filter((s) -> s.destination().endsWith("447911123456"))
				.forEach(submits::add);
		}
		assertThat(submits).singleElement().satisfies((submit) -> {
			assertThat(submit.text()).isEqualTo(text);
			assertThat(submit.dcs()).as("GSM 7-bit").isZero();
			assertThat(submit.statusReportRequested()).isTrue();
		});
		List<String> statuses = new ArrayList<>();
		get(token, id).path("history").forEach((entry) -> statuses.add(entry.path("status").asText()));
		assertThat(statuses).containsExactly("accepted", "sent", "delivered");
	}

	@Test
	void stopFromAPhoneReachesTheOwnersInboundWebhookAndBlocksFurtherSendsToIt() throws Exception {
		String admin = this.client.token(OPERATOR_CLIENT, OPERATOR_SECRET, "admin");
		HttpResponse<String> assigned = this.client.put(stack.apiUrl() + "/v1/admin/numbers/+4915799990001", admin,
				"{\"tenantId\":\"" + LocalStackOptions.TENANT + "\"}");
		assertThat(assigned.statusCode()).as(assigned.body()).isIn(200, 201);
		String manage = this.client.token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret(), "webhooks:manage");
		HttpResponse<String> created = this.client.post(
				"http://127.0.0.1:" + stack.port("webhook-service") + "/v1/webhooks", manage,
				json.writeValueAsString(Map.of("url", callbacks.url(), "eventTypes", List.of("message.inbound"))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = json.readTree(created.body()).path("secret").asText();

		assertThat(stack.simulator().injectMo("+4915112340001", "4915799990001", "Stop please")).isTrue();

		GatewayClient.await(() -> !inboundCallbacks().isEmpty());
		CallbackRecorder.Callback callback = inboundCallbacks().get(0);
		JsonNode inbound = json.readTree(callback.body());
		assertThat(inbound.path("from").asText()).isEqualTo("+4915112340001");
		assertThat(inbound.path("to").asText()).isEqualTo("+4915799990001");
		assertThat(inbound.path("body").asText()).isEqualTo("Stop please");
		assertThat(inbound.path("action").asText()).isEqualTo("STOP");
		assertThat(WebhookSignature.verify(secret, callback.signature(), callback.body(), Instant.now(),
				Duration.ofMinutes(5))).as("signed with the subscription's secret").isTrue();
		String token = token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret());
		HttpResponse<String> refused = post(token, "{\"to\":\"+4915112340001\",\"from\":\"ACME\",\"body\":\"Sale!\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(json.readTree(refused.body()).path("type").asText()).endsWith("recipient-suppressed");
	}

	private List<CallbackRecorder.Callback> inboundCallbacks() {
		return callbacks.callbacks()
			.stream()
			.filter((c) -> "message.inbound".equals(json.readTree(c.body()).path("type").asText()))
			.toList();
	}

	@Test
	void requestsWithoutTokenAreUnauthorized() throws Exception {
		HttpResponse<String> response = post(null, "{\"to\":\"+4915123456789\",\"from\":\"ACME\",\"body\":\"hi\"}");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anotherTenantsMessageIsNotFound() throws Exception {
		String token = token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret());
		String id = send(token, "+4915123456781", "ACME", "Only for demo").path("id").asText();
		String otherToken = token(OTHER_TENANT_CLIENT, OTHER_TENANT_SECRET);
		HttpResponse<String> response = this.client.get(stack.apiUrl() + "/v1/messages/" + id, otherToken);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void malformedJsonAndInvalidNumbersAreProblemDetailsNamingTheField() throws Exception {
		String token = token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret());
		HttpResponse<String> malformed = post(token, "{\"to\": \"+4915123456789\", \"body\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(malformed.body()).doesNotContain("Exception");

		HttpResponse<String> invalid = post(token, "{\"to\":\"+49 12\",\"from\":\"ACME\",\"body\":\"hi\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(invalid.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactly("to");
	}

	private static List<ReceivedSubmit> submitsTo(String destination) {
		return stack.simulator().submits().stream().filter((s) -> s.destAddr().equals(destination)).toList();
	}

	private List<CallbackRecorder.Callback> callbacksFor(String messageId) {
		return callbacks.callbacks()
			.stream()
			.filter((c) -> messageId.equals(json.readTree(c.body()).path("messageId").asText()))
			.toList();
	}

	private String token(String clientId, String secret) throws Exception {
		return this.client.token(clientId, secret, "messages:send messages:read");
	}

	private JsonNode send(String token, String to, String from, String body) throws Exception {
		String request = json.writeValueAsString(Map.of("to", to, "from", from, "body", body, "callbackUrl",
				callbacks.url()));
		HttpResponse<String> response = post(token, request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String token, String body) throws Exception {
		return this.client.post(stack.apiUrl() + "/v1/messages", token, body);
	}

	private JsonNode get(String token, String id) throws Exception {
		return this.client.message(token, id);
	}

}
