package io.smsgw.webhook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription API: create (secret shown once), list, read, update, delete, validation as
 * problem details naming the field, tokens and scopes, and tenant isolation.
 */
class SubscriptionApiIT extends WebhookITSupport {

	@Test
	void tenantCreatesReadsUpdatesAndDeletesASubscriptionAndSeesTheSecretOnlyOnce() {
		String tenant = "crud-" + UUID.randomUUID();
		JsonNode created = subscribe(tenant, receiver.url("/crud"), List.of("message.status"), List.of("delivered", "FAILED"));
		String id = created.get("id").asString();
		assertThat(created.get("secret").asString()).matches("whsec_[A-Za-z0-9_-]{43}");
		assertThat(created.get("statuses").toString()).isEqualTo("[\"delivered\",\"failed\"]");
		assertThat(created.get("enabled").asBoolean()).isTrue();

		ApiAnswer read = api("GET", "/v1/webhooks/" + id, tenant, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("url").asString()).isEqualTo(receiver.url("/crud"));
		assertThat(read.body().has("secret")).isFalse();
		ApiAnswer list = api("GET", "/v1/webhooks", tenant, null);
		assertThat(list.body().get("items")).hasSize(1);
		assertThat(list.body().toString()).doesNotContain(created.get("secret").asString());

		ApiAnswer updated = api("PATCH", "/v1/webhooks/" + id, tenant,
				Map.of("enabled", false, "description", "paused", "eventTypes", List.of("message.status", "message.inbound")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("enabled").asBoolean()).isFalse();
		assertThat(updated.body().get("description").asString()).isEqualTo("paused");
		assertThat(updated.body().get("url").asString()).isEqualTo(receiver.url("/crud"));
		assertThat(updated.body().get("eventTypes")).hasSize(2);
		assertThat(updated.body().get("statuses")).hasSize(2);

		assertThat(api("DELETE", "/v1/webhooks/" + id, tenant, null).status()).isEqualTo(204);
		assertThat(api("GET", "/v1/webhooks/" + id, tenant, null).status()).isEqualTo(404);
		assertThat(api("GET", "/v1/webhooks", tenant, null).body().get("items")).isEmpty();
	}

	@Test
	void invalidSubscriptionsAreRefusedWithProblemDetailsNamingEachField() {
		String tenant = "invalid-" + UUID.randomUUID();
		ApiAnswer answer = api("POST", "/v1/webhooks", tenant,
				Map.of("url", "ftp://example.com/x", "eventTypes", List.of("message.status", "message.bogus"),
						"statuses", List.of("delivered", "teleported")));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("title").asString()).isEqualTo("Bad Request");
		assertThat(answer.body().get("errors").findValuesAsString("field")).containsExactly("url", "eventTypes[1]",
				"statuses[1]");

		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "http://[::1]/hook")) {
			ApiAnswer refused = api("POST", "/v1/webhooks", tenant, Map.of("url", url, "eventTypes", List.of("message.status")));
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
			assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("resolves to a");
		}
		ApiAnswer noTypes = api("POST", "/v1/webhooks", tenant, Map.of("url", receiver.url("/x"), "eventTypes", List.of()));
		assertThat(noTypes.body().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
		ApiAnswer statusesWithoutStatusType = api("POST", "/v1/webhooks", tenant,
				Map.of("url", receiver.url("/x"), "eventTypes", List.of("message.inbound"), "statuses", List.of("sent")));
		assertThat(statusesWithoutStatusType.body().get("errors").get(0).get("field").asString()).isEqualTo("statuses");
		ApiAnswer malformed = api("POST", "/v1/webhooks", tenant, "{\"url\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(api("GET", "/v1/webhooks", tenant, null).body().get("items")).isEmpty();
	}

	@Test
	void anotherTenantsSubscriptionIsNotFoundWhateverTheOperation() {
		String owner = "owner-" + UUID.randomUUID();
		String other = "other-" + UUID.randomUUID();
		String id = subscribe(owner, receiver.url("/mine"), List.of("message.status"), null).get("id").asString();

		assertThat(api("GET", "/v1/webhooks/" + id, other, null).status()).isEqualTo(404);
		assertThat(api("PATCH", "/v1/webhooks/" + id, other, Map.of("enabled", false)).status()).isEqualTo(404);
		assertThat(api("POST", "/v1/webhooks/" + id + "/rotate-secret", other, Map.of()).status()).isEqualTo(404);
		assertThat(api("DELETE", "/v1/webhooks/" + id, other, null).status()).isEqualTo(404);
		assertThat(api("GET", "/v1/webhooks", other, null).body().get("items")).isEmpty();
		ApiAnswer stillThere = api("GET", "/v1/webhooks/" + id, owner, null);
		assertThat(stillThere.status()).isEqualTo(200);
		assertThat(stillThere.body().get("enabled").asBoolean()).isTrue();
	}

	@Test
	void theApiNeedsAValidTokenWithTheScopeAndATenant() {
		assertThat(apiWithToken("GET", "/v1/webhooks", null, null).status()).isEqualTo(401);
		assertThat(apiWithToken("GET", "/v1/webhooks", "not-a-jwt", null).status()).isEqualTo(401);
		ApiAnswer wrongScope = apiWithToken("GET", "/v1/webhooks", TestTokens.token("tenant-a", "messages:send"), null);
		assertThat(wrongScope.status()).isEqualTo(403);
		assertThat(wrongScope.body().get("detail").asString()).contains("webhooks:manage");
		assertThat(apiWithToken("GET", "/v1/webhooks", TestTokens.token(null, "webhooks:manage"), null).status())
			.isEqualTo(403);
		assertThat(apiWithToken("GET", "/actuator/health", null, null).status()).isEqualTo(200);
	}

}
