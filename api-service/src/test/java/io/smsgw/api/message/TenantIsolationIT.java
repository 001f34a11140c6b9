package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a message id or lists messages, tried by another tenant with the
 * first tenant's ids: always a 404 (or an empty list), never its data.
 */
class TenantIsolationIT extends ApiTestSupport {

	@Test
	void anotherTenantsIdsAreNotFoundEverywhere() throws Exception {
		String tokenA = token("client-a", "secret-a", null);
		String tokenB = token("client-b", "secret-b", null);
		String ref = "iso-" + UUID.randomUUID();
		HttpResponse<String> scheduled = postJson(tokenA, Map.of("to", "+4915123456789", "from", "Acme", "body",
				"private", "clientReference", ref, "sendAt", Instant.now().plusSeconds(3600).toString()));
		String id = json(scheduled).get("id").asString();

		assertThat(get(tokenB, "/v1/messages/" + id).statusCode()).isEqualTo(404);
		assertThat(callJson("DELETE", "/v1/messages/" + id, tokenB, null).statusCode()).isEqualTo(404);
		assertThat(json(get(tokenB, "/v1/messages?clientReference=" + ref)).get("items").size()).isZero();
		assertThat(get(tokenB, "/v1/messages/" + id).body()).doesNotContain("private");
		assertThat(json(get(tokenA, "/v1/messages/" + id)).get("status").asString()).isEqualTo("scheduled");
		assertThat(json(get(tokenA, "/v1/messages?clientReference=" + ref)).get("items").size()).isEqualTo(1);
		assertThat(callJson("DELETE", "/v1/messages/" + id, tokenA, null).statusCode()).isEqualTo(200);
	}

}
