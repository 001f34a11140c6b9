package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys, the filtered and paginated message list, and tenant isolation of both.
 */
class IdempotencyAndListIT extends ApiTestSupport {

	@Test
	void sameKeyAndBodyReplaysTheAnswerAndDifferentBodyIs422() throws Exception {
		String token = token("client-a", "secret-a", null);
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("to", "+4915123456789", "from", "Acme", "body", "once");

		HttpResponse<String> first = callJson("POST", "/v1/messages", token, body, "Idempotency-Key", key);
		HttpResponse<String> again = callJson("POST", "/v1/messages", token, body, "Idempotency-Key", key);
		HttpResponse<String> other = callJson("POST", "/v1/messages", token,
				Map.of("to", "+4915123456789", "from", "Acme", "body", "twice"), "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		String id = json(first).get("id").asString();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM message WHERE body = 'once' AND id = ?::uuid",
				Integer.class, id)).isEqualTo(1);

		// another tenant may use the same key for its own request
		HttpResponse<String> tenantB = callJson("POST", "/v1/messages", token("client-b", "secret-b", null), body,
				"Idempotency-Key", key);
		assertThat(tenantB.statusCode()).isEqualTo(202);
		assertThat(json(tenantB).get("id").asString()).isNotEqualTo(id);

		// a refused request is remembered with its status too
		Map<String, Object> invalid = Map.of("to", "x", "from", "Acme", "body", "y");
		String badKey = UUID.randomUUID().toString();
		assertThat(callJson("POST", "/v1/messages", token, invalid, "Idempotency-Key", badKey).statusCode())
			.isEqualTo(400);
		assertThat(callJson("POST", "/v1/messages", token, invalid, "Idempotency-Key", badKey).headers()
			.firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(callJson("POST", "/v1/messages", token, body, "Idempotency-Key", "bad key").statusCode())
			.isEqualTo(400);

		this.jdbc.update("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = ?", key);
		HttpResponse<String> afterExpiry = callJson("POST", "/v1/messages", token, body, "Idempotency-Key", key);
		assertThat(json(afterExpiry).get("id").asString()).isNotEqualTo(id);
	}

	@Test
	void listFiltersAndPagesWithAnOpaqueCursor() throws Exception {
		String token = token("client-a", "secret-a", null);
		String ref = "list-" + UUID.randomUUID();
		Set<String> sent = new HashSet<>();
		for (int i = 0; i < 7; i++) {
			sent.add(json(postJson(token, Map.of("to", "+4915123456789", "from", "Lister", "body", "m" + i,
					"clientReference", ref))).get("id").asString());
		}
		postJson(token, Map.of("to", "+4915123456780", "from", "Lister", "body", "other", "clientReference", ref));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String path = "/v1/messages?clientReference=" + ref + "&to=%2B4915123456789&status=accepted&limit=3"
					+ ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode page = json(get(token, path));
			page.get("items").forEach((item) -> seen.add(item.get("id").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(sent);
		assertThat(json(get(token, "/v1/messages?clientReference=" + ref + "&since=2999-01-01T00:00:00Z"))
			.get("items")
			.size()).isZero();
		assertThat(json(get(token("client-b", "secret-b", null), "/v1/messages?clientReference=" + ref))
			.get("items")
			.size()).isZero();
		assertThat(json(get(token, "/v1/messages?clientReference=" + ref + "'%20OR%20'1'='1")).get("items").size())
			.isZero();
	}

	@Test
	void listRejectsBadParametersNamingEach() throws Exception {
		String token = token("client-a", "secret-a", null);
		HttpResponse<String> response = get(token,
				"/v1/messages?status=lost&limit=500&cursor=garbage&since=yesterday&to=abc");
		assertThat(response.statusCode()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		json(response).get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("status", "limit", "cursor", "since", "to");
		assertThat(get(token("client-b", "secret-b", null), "/v1/messages?limit=0").statusCode()).isEqualTo(400);
	}

}
