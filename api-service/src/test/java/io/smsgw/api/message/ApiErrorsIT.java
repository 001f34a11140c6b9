package io.smsgw.api.message;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the API answers is a problem detail with the right status, naming the field at fault.
 */
class ApiErrorsIT extends ApiTestSupport {

	private static final Map<String, Object> VALID = Map.of("to", "+4915123456789", "from", "Acme", "body", "hi");

	@Test
	void noTokenIsUnauthorizedWithProblemAndChallenge() throws Exception {
		HttpResponse<String> response = postJson(null, VALID);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void badTokenIsUnauthorized() throws Exception {
		HttpResponse<String> response = postJson("not.a.jwt", VALID);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertThat(response.body()).doesNotContain("not.a.jwt");
	}

	@Test
	void wrongClientSecretGetsNoToken() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> token("client-a", "wrong", null))
			.withMessageContaining("401");
	}

	@Test
	void missingScopeIsForbidden() throws Exception {
		assertProblem(postJson(token("reader-a", "secret-r", null), VALID), 403);
		HttpResponse<String> readOnly = postJson(token("client-a", "secret-a", "messages:read"), VALID);
		assertProblem(readOnly, 403);
		assertThat(readOnly.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
	}

	@Test
	void malformedJsonIsBadRequest() throws Exception {
		HttpResponse<String> response = post(token("client-a", "secret-a", null), "application/json", "{\"to\": ");

		JsonNode problem = assertProblem(response, 400);
		assertThat(problem.get("detail").asString()).isEqualTo("Malformed JSON request body");
		assertThat(response.body()).doesNotContain("at tools.jackson", "Exception");
	}

	@Test
	void invalidNumberNamesTo() throws Exception {
		HttpResponse<String> response = postJson(token("client-a", "secret-a", null),
				Map.of("to", "+12", "from", "Acme", "body", "hi"));

		assertThat(fieldsOf(assertProblem(response, 400))).containsExactly("to");
	}

	@Test
	void everyInvalidFieldIsNamed() throws Exception {
		HttpResponse<String> response = postJson(token("client-a", "secret-a", null),
				Map.of("to", "", "from", "TooLongSenderId", "body", " ", "callbackUrl", "ftp://example.com"));

		assertThat(fieldsOf(assertProblem(response, 400))).containsExactly("to", "from", "body", "callbackUrl");
	}

	@Test
	void unknownFieldIsRejected() throws Exception {
		HttpResponse<String> response = postJson(token("client-a", "secret-a", null),
				Map.of("to", "+4915123456789", "from", "Acme", "body", "hi", "priority", "high"));

		assertThat(fieldsOf(assertProblem(response, 400))).containsExactly("priority");
	}

	@Test
	void bodyNeedingTwentyPartsNamesBody() throws Exception {
		HttpResponse<String> response = postJson(token("client-a", "secret-a", null),
				Map.of("to", "+4915123456789", "from", "Acme", "body", "x".repeat(153 * 19 + 1)));

		JsonNode problem = assertProblem(response, 400);
		assertThat(fieldsOf(problem)).containsExactly("body");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("20 parts");
	}

	@Test
	void oversizeBodyIsTooLarge() throws Exception {
		String body = "{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"" + "x".repeat(70 * 1024) + "\"}";

		assertProblem(post(token("client-a", "secret-a", null), "application/json", body), 413);
		assertProblem(post(null, "application/json", body), 413);
	}

	@Test
	void wrongMediaTypeMethodAndPathAreProblems() throws Exception {
		String token = token("client-a", "secret-a", null);
		assertProblem(post(token, "text/plain", "hello"), 415);
		HttpResponse<String> delete = this.http.send(HttpRequest.newBuilder(uri("/v1/messages"))
			.header("Authorization", "Bearer " + token)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(delete, 405);
		assertProblem(get(token, "/v1/nothing-here"), 404);
		assertProblem(get(token, "/v1/messages/not-a-uuid"), 404);
	}

	@Test
	void healthAndPrometheusAreOpenButNothingElse() throws Exception {
		postJson(token("client-a", "secret-a", null), VALID);

		assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get(null, "/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("sms_messages_accepted_total{", "tenant=\"tenant-a\"",
				"sms_outbox_lag");
		assertProblem(get(null, "/actuator/metrics"), 401);
		assertProblem(get(null, "/v1/messages/" + java.util.UUID.randomUUID()), 401);
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	private static java.util.List<String> fieldsOf(JsonNode problem) {
		java.util.List<String> fields = new java.util.ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
