package io.smsgw.api.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.smsgw.api.ApiApplication;
import io.smsgw.infra.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped as a crash would, under a running API (its own PostgreSQL, not the shared
 * one): every endpoint that needs the database answers 503 with a problem document and a
 * {@code Retry-After}, never a 500 or internals; the API answers 202 again once PostgreSQL is back.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.config.name=api-service", "sms.kafka.partitions=2", "sms.api.seed.tenant-id=outage",
		"sms.api.seed.tenant-name=Outage", "sms.api.seed.client-id=outage-client",
		"sms.api.seed.client-secret=outage-secret", "sms.api.seed.default-region=DE",
		"sms.api.jwt.issuer=http://api.smsgw.test" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SEND = "{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\"}";

	private static StoppablePostgres postgres;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
		postgres = StoppablePostgres.start();
		registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
		registry.add("spring.datasource.url", postgres::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@Test
	void whilePostgresIsDownEveryEndpointAnswers503AndTheApiComesBackByItself(CapturedOutput output)
			throws Exception {
		String token = token();
		HttpResponse<String> before = send("POST", "/v1/messages", token, SEND);
		assertThat(before.statusCode()).isEqualTo(202);
		String id = JSON.readTree(before.body()).get("id").asString();

		postgres.stopNow();
		try {
			Map<String, HttpResponse<String>> answers = Map.of(
					"single send", send("POST", "/v1/messages", token, SEND),
					"batch", send("POST", "/v1/messages/batch", token, "{\"messages\":[" + SEND + "," + SEND + "]}"),
					"read one", send("GET", "/v1/messages/" + id, token, null),
					"list", send("GET", "/v1/messages?limit=5", token, null),
					"token", tokenResponse());
			answers.forEach((endpoint, answer) -> assertUnavailable(endpoint, answer));
		}
		finally {
			postgres.startAgain();
		}

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int status = 0;
		while (status != 202 && System.nanoTime() < deadline) {
			status = send("POST", "/v1/messages", token, SEND).statusCode();
			if (status != 202) {
				assertThat(status).as("answer while reconnecting").isEqualTo(503);
				Thread.sleep(250);
			}
		}
		assertThat(status).as("send after PostgreSQL is back").isEqualTo(202);
		assertThat(send("GET", "/v1/messages/" + id, token, null).statusCode()).as("a message accepted before the crash")
			.isEqualTo(200);
		assertThat(tokenResponse().statusCode()).isEqualTo(200);
		assertThat(output.getOut() + output.getErr()).doesNotContain("outage-secret", token)
			.contains("Database unavailable");
	}

	private static void assertUnavailable(String endpoint, HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(endpoint + ": " + answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).as(endpoint).hasValue("application/problem+json");
		assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0)).as(endpoint + " Retry-After")
			.isBetween(1L, 30L);
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("status").asInt()).as(endpoint).isEqualTo(503);
		assertThat(problem.path("title").asString()).as(endpoint).isEqualTo("Service Unavailable");
		assertThat(problem.path("type").asString()).as(endpoint).isEqualTo("urn:smsgw:problem:service-unavailable");
		assertThat(problem.path("detail").asString()).as(endpoint).isNotBlank();
		for (String internal : List.of("jdbc", "SQL", "Hikari", "postgres", "Exception", "127.0.0.1")) {
			assertThat(answer.body()).as(endpoint + " shows no internals").doesNotContainIgnoringCase(internal);
		}
	}

	private String token() throws Exception {
		HttpResponse<String> response = tokenResponse();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> tokenResponse() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("outage-client:outage-secret".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
