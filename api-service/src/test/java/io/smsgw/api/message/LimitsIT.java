package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-tenant limits set through the admin API: rate (429 with Retry-After), daily quota and
 * parts per message.
 */
class LimitsIT extends ApiTestSupport {

	@Test
	void rateLimitAnswers429WithRetryAfter() throws Exception {
		String token = tenantToken(Map.of("ratePerSecond", 2));
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> limited = null;
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = postJson(token, Map.of("to", "+4915123456789", "from", "A", "body", "r"));
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				limited = response;
			}
		}
		assertThat(statuses).contains(202, 429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				(v) -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void dailyQuotaCountsMessagesAndRefusesWhatDoesNotFit() throws Exception {
		String token = tenantToken(Map.of("dailyQuota", 3));
		Map<String, Object> message = Map.of("to", "+4915123456789", "from", "A", "body", "q");
		assertThat(callJson("POST", "/v1/messages/batch", token, Map.of("messages", List.of(message, message)))
			.statusCode()).isEqualTo(200);
		HttpResponse<String> tooMany = callJson("POST", "/v1/messages/batch", token,
				Map.of("messages", List.of(message, message)));
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow())).isPositive();
		assertThat(postJson(token, message).statusCode()).isEqualTo(202);
		assertThat(postJson(token, message).statusCode()).isEqualTo(429);
	}

	@Test
	void tenantMaxPartsLimitsLongMessages() throws Exception {
		String token = tenantToken(Map.of("maxParts", 1));
		HttpResponse<String> response = postJson(token, Map.of("to", "+4915123456789", "from", "A",
				"body", "a".repeat(161)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(postJson(token, Map.of("to", "+4915123456789", "from", "A", "body", "a".repeat(160)))
			.statusCode()).isEqualTo(202);
	}

	private String tenantToken(Map<String, Object> limits) throws Exception {
		String admin = adminToken();
		String id = "lim-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(callJson("POST", "/v1/admin/tenants", admin, Map.of("id", id, "limits", limits)).statusCode())
			.isEqualTo(201);
		var client = json(callJson("POST", "/v1/admin/tenants/" + id + "/clients", admin, Map.of()));
		return token(client.get("clientId").asString(), client.get("clientSecret").asString(), null);
	}

}
