package io.smsgw.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.infra.TestInfrastructure;

/**
 * The one Spring context every integration test of the API shares (real embedded Kafka and
 * PostgreSQL), with two tenants and a read-only client, and plain HTTP helpers.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.config.name=api-service", "sms.kafka.partitions=2",
		"sms.api.seed.tenant-id=tenant-a", "sms.api.seed.tenant-name=Tenant A", "sms.api.seed.client-id=client-a",
		"sms.api.seed.client-secret=secret-a", "sms.api.seed.default-region=DE",
		"sms.api.seed.tenants[0].tenant-id=tenant-b", "sms.api.seed.tenants[0].client-id=client-b",
		"sms.api.seed.tenants[0].client-secret=secret-b", "sms.api.seed.tenants[0].default-region=GB",
		"sms.api.seed.tenants[1].tenant-id=tenant-a", "sms.api.seed.tenants[1].client-id=reader-a",
		"sms.api.seed.tenants[1].client-secret=secret-r", "sms.api.seed.tenants[1].scopes=messages:read",
		"sms.api.seed.tenants[2].tenant-id=operator", "sms.api.seed.tenants[2].client-id=admin-1",
		"sms.api.seed.tenants[2].client-secret=secret-admin", "sms.api.seed.tenants[2].scopes=admin",
		"sms.api.messages.scheduler-poll-interval=200ms", "sms.api.jwt.issuer=http://api.smsgw.test" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public abstract class ApiTestSupport {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected org.springframework.jdbc.core.JdbcTemplate jdbc;

	protected static String kafkaBootstrapServers() {
		return TestInfrastructure.shared().kafkaBootstrapServers();
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A client-credentials access token; {@code scope} may be null for all the client's scopes. */
	protected String token(String clientId, String secret, String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		String form = "grant_type=client_credentials" + ((scope != null) ? "&scope=" + scope : "");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	protected HttpResponse<String> post(String token, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/messages"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> postJson(String token, Map<String, Object> body) throws Exception {
		return post(token, "application/json", JSON.writeValueAsString(body));
	}

	protected HttpResponse<String> get(String token, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Any request; {@code headers} are name, value pairs. */
	protected HttpResponse<String> call(String method, String path, String token, String contentType, String body,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A JSON request. */
	protected HttpResponse<String> callJson(String method, String path, String token, Object body, String... headers)
			throws Exception {
		return call(method, path, token, "application/json", (body != null) ? JSON.writeValueAsString(body) : null,
				headers);
	}

	protected String adminToken() throws Exception {
		return token("admin-1", "secret-admin", null);
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
