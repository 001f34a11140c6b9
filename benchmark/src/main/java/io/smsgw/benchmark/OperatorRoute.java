package io.smsgw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator does to send a destination prefix through a connector: with a token of scope
 * {@code admin} from the API, registers the connector ({@code POST /v1/admin/connectors}) and a
 * prefix route to it ({@code POST /v1/admin/routes}) on the router's admin API, then waits until
 * every router instance explains a destination of that prefix as routed to the connector.
 */
final class OperatorRoute {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String token;

	/** Gets an {@code admin} token for the operator's client from the API's token endpoint. */
	OperatorRoute(String apiUrl, String clientId, String secret) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(15))
			.POST(BodyPublishers.ofString("grant_type=client_credentials&scope=admin"))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No admin token: HTTP " + response.statusCode() + " " + response.body());
		}
		this.token = json.readTree(response.body()).path("access_token").asText();
	}

	/**
	 * Registers {@code connector} (kind MODEM) and routes {@code prefix} to it through
	 * {@code routerUrls.get(0)}; returns when every router routes {@code probe} (E.164) there.
	 */
	void routePrefix(List<String> routerUrls, String connector, String prefix, String tenant, String probe,
			Duration timeout) throws IOException, InterruptedException {
		String admin = routerUrls.get(0) + "/v1/admin";
		post(admin + "/connectors", Map.of("id", connector, "kind", "MODEM", "description", "simulated modem rack"), 201);
		post(admin + "/routes", Map.of("name", "modem rack " + prefix, "prefix", prefix, "strategy", "FAILOVER",
				"members", List.of(Map.of("connectorId", connector))), 201);
		long deadline = System.nanoTime() + timeout.toNanos();
		for (String router : routerUrls) {
			while (true) {
				JsonNode explained = post(router + "/v1/admin/routes/explain",
						Map.of("tenantId", tenant, "to", probe, "from", "FAULT"), 200);
				if (connector.equals(explained.path("connectorId").asText())) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(router + " does not route " + probe + " to " + connector + ": "
							+ explained);
				}
				Thread.sleep(250);
			}
		}
	}

	private JsonNode post(String url, Object body, int expected) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(15))
			.POST(BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() != expected && !(expected == 201 && response.statusCode() == 200)) {
			throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body());
	}

}
