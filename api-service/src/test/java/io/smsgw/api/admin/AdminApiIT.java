package io.smsgw.api.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API: tenants with limits, clients with generated secrets, rotation with and without
 * overlap, disabling; and that only the {@code admin} scope may use it.
 */
class AdminApiIT extends ApiTestSupport {

	@Test
	void createsTenantAndClientWhoseSecretIsShownOnceAndWorks() throws Exception {
		String admin = adminToken();
		String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = callJson("POST", "/v1/admin/tenants", admin, Map.of("id", id, "name", "Acme",
				"defaultRegion", "fr", "limits", Map.of("ratePerSecond", 5, "dailyQuota", 1000, "maxParts", 3)));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/v1/admin/tenants/" + id);
		JsonNode tenant = json(created);
		assertThat(tenant.get("defaultRegion").asString()).isEqualTo("FR");
		assertThat(tenant.get("limits").get("maxParts").asInt()).isEqualTo(3);
		assertThat(json(callJson("GET", "/v1/admin/tenants/" + id, admin, null)).get("name").asString())
			.isEqualTo("Acme");
		assertThat(callJson("POST", "/v1/admin/tenants", admin, Map.of("id", id)).statusCode()).isEqualTo(409);

		JsonNode client = json(callJson("POST", "/v1/admin/tenants/" + id + "/clients", admin,
				Map.of("scopes", List.of("messages:send", "messages:read"))));
		String clientId = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.jdbc.queryForObject("SELECT secret_hash FROM api_client WHERE client_id = ?", String.class,
				clientId)).startsWith("{bcrypt}").doesNotContain(secret);

		String token = token(clientId, secret, null);
		HttpResponse<String> sent = postJson(token, Map.of("to", "0612345678", "from", "Acme", "body", "bonjour"));
		assertThat(sent.statusCode()).isEqualTo(202);
		assertThat(json(sent).get("to").asString()).isEqualTo("+33612345678");

		HttpResponse<String> listed = callJson("GET", "/v1/admin/tenants/" + id + "/clients", admin, null);
		assertThat(listed.body()).contains(clientId).doesNotContain(secret).doesNotContain("clientSecret");
	}

	@Test
	void rotationKeepsTheOldSecretForTheOverlapOrRevokesIt() throws Exception {
		String admin = adminToken();
		String id = newTenant(admin);
		JsonNode client = json(callJson("POST", "/v1/admin/tenants/" + id + "/clients", admin, Map.of()));
		String clientId = client.get("clientId").asString();
		String first = client.get("clientSecret").asString();

		JsonNode rotated = json(callJson("POST", "/v1/admin/clients/" + clientId + "/rotate", admin,
				Map.of("overlapSeconds", 600)));
		String second = rotated.get("clientSecret").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(rotated.get("previousSecretValidUntil").isNull()).isFalse();
		assertThat(tokenStatus(clientId, first)).isEqualTo(200);
		assertThat(tokenStatus(clientId, second)).isEqualTo(200);

		String third = json(callJson("POST", "/v1/admin/clients/" + clientId + "/rotate", admin,
				Map.of("overlapSeconds", 0))).get("clientSecret").asString();
		assertThat(tokenStatus(clientId, second)).isEqualTo(401);
		assertThat(tokenStatus(clientId, first)).isEqualTo(401);
		assertThat(tokenStatus(clientId, third)).isEqualTo(200);

		HttpResponse<String> disabled = callJson("POST", "/v1/admin/clients/" + clientId + "/disable", admin, null);
		assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
		assertThat(tokenStatus(clientId, third)).isEqualTo(401);
	}

	@Test
	void rejectsInvalidRequestsListingEveryField() throws Exception {
		String admin = adminToken();
		HttpResponse<String> response = callJson("POST", "/v1/admin/tenants", admin, Map.of("id", "bad id!",
				"defaultRegion", "XX", "limits", Map.of("ratePerSecond", 0, "maxParts", 99)));

		assertThat(response.statusCode()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		json(response).get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("id", "defaultRegion", "limits.ratePerSecond", "limits.maxParts");

		String id = newTenant(admin);
		assertThat(callJson("POST", "/v1/admin/tenants/" + id + "/clients", admin, Map.of("scopes", List.of("root")))
			.statusCode()).isEqualTo(400);
		assertThat(callJson("POST", "/v1/admin/tenants/nope/clients", admin, Map.of()).statusCode()).isEqualTo(404);
		assertThat(callJson("POST", "/v1/admin/clients/nope/rotate", admin, null).statusCode()).isEqualTo(404);
		assertThat(callJson("GET", "/v1/admin/tenants/nope", admin, null).statusCode()).isEqualTo(404);
		assertThat(callJson("POST", "/v1/admin/clients/client-a/rotate", admin, Map.of("overlapSeconds", -1))
			.statusCode()).isEqualTo(400);
		HttpResponse<String> limits = callJson("PUT", "/v1/admin/tenants/" + id + "/limits", admin,
				Map.of("dailyQuota", 7));
		assertThat(json(limits).get("limits").get("dailyQuota").asInt()).isEqualTo(7);
	}

	@Test
	void onlyTheAdminScopeMayUseIt() throws Exception {
		String tenantToken = token("client-a", "secret-a", null);
		HttpResponse<String> denied = callJson("POST", "/v1/admin/tenants", tenantToken, Map.of("id", "sneaky"));
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(callJson("GET", "/v1/admin/tenants/tenant-a", null, null).statusCode()).isEqualTo(401);
		assertThat(callJson("POST", "/v1/admin/clients/client-a/rotate", tenantToken, null).statusCode())
			.isEqualTo(403);
		assertThat(tokenStatus("client-a", "secret-a")).isEqualTo(200);
	}

	private String newTenant(String admin) throws Exception {
		String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(callJson("POST", "/v1/admin/tenants", admin, Map.of("id", id)).statusCode()).isEqualTo(201);
		return id;
	}

	private int tokenStatus(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
