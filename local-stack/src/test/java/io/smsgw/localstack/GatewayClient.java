package io.smsgw.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tenant's or an operator's code does against a running stack, over real HTTP. */
final class GatewayClient {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final GatewayStack stack;

	GatewayClient(GatewayStack stack) {
		this.stack = stack;
	}

	/** A client-credentials token with the given scopes (space separated). */
	String token(String clientId, String secret, String scopes) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=client_credentials&scope=" + scopes.replace(" ", "%20")))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("access_token").asText();
	}

	String apiUrl() {
		return this.stack.apiUrl();
	}

	String routerUrl() {
		return "http://127.0.0.1:" + this.stack.port("router-service");
	}

	HttpResponse<String> post(String url, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	HttpResponse<String> put(String url, String token, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.PUT(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	HttpResponse<String> get(String url, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
				BodyHandlers.ofString());
	}

	/** GET a message of the API as JSON, asserting 200. */
	JsonNode message(String token, String id) throws Exception {
		HttpResponse<String> response = get(apiUrl() + "/v1/messages/" + id, token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** Waits up to 60 s for a condition. */
	static void await(Check condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 60 s");
			}
			Thread.sleep(100);
		}
	}

	/** A condition that may throw. */
	@FunctionalInterface
	interface Check {

		boolean holds() throws Exception;

	}

}
