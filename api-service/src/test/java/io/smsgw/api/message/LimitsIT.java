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

	/**
	 * Many clients of one tenant, all sending at once, share the tenant's one rate: what they get
	 * accepted together stays within it, the rest is 429 with Retry-After, and another tenant
	 * sending at the same time is not slowed.
	 */
	@Test
	void manyClientsOfOneTenantShareItsRate() throws Exception {
		int rate = 5;
		int clients = 8;
		String admin = adminToken();
		String tenant = "evade-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(callJson("POST", "/v1/admin/tenants", admin, Map.of("id", tenant, "limits",
				Map.of("ratePerSecond", rate))).statusCode()).isEqualTo(201);
		List<String> credentials = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			var client = json(callJson("POST", "/v1/admin/tenants/" + tenant + "/clients", admin, Map.of()));
			credentials.add(client.get("clientId").asString() + ":" + client.get("clientSecret").asString());
		}
		List<String> tokens = new ArrayList<>();
		for (String pair : credentials) {
			tokens.add(token(pair.split(":")[0], pair.split(":", 2)[1], null));
		}
		String other = tenantToken(Map.of("ratePerSecond", rate));

		java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger limited = new java.util.concurrent.atomic.AtomicInteger();
		java.util.Set<String> unexpected = java.util.concurrent.ConcurrentHashMap.newKeySet();
		long seconds = 2;
		long start = System.nanoTime();
		long end = start + java.time.Duration.ofSeconds(seconds).toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			String token = tokens.get(i);
			String pair = credentials.get(i);
			boolean twilio = i % 4 == 3;
			Thread thread = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						HttpResponse<String> response = twilio ? twilioSend(pair)
								: postJson(token, Map.of("to", "+4915123456789", "from", "A", "body", "hammer"));
						if (response.statusCode() == 202 || response.statusCode() == 201) {
							accepted.incrementAndGet();
						}
						else if (response.statusCode() == 429
								&& response.headers().firstValue("Retry-After").isPresent()) {
							limited.incrementAndGet();
						}
						else {
							unexpected.add(response.statusCode() + " " + response.body());
						}
					}
				}
				catch (Exception ex) {
					unexpected.add(ex.toString());
				}
			});
			thread.start();
			threads.add(thread);
		}
		List<Integer> otherStatuses = new ArrayList<>();
		for (int i = 0; i < rate - 1; i++) {
			otherStatuses.add(postJson(other, Map.of("to", "+4915123456789", "from", "B", "body", "calm")).statusCode());
			Thread.sleep(100);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;

		assertThat(unexpected).isEmpty();
		assertThat(limited.get()).as("requests refused").isGreaterThan(accepted.get());
		// a fresh period starts every second: at most rate per started second, plus the one in progress
		assertThat(accepted.get()).as("accepted in %.1f s", elapsed)
			.isBetween(rate, (int) (rate * (Math.ceil(elapsed) + 1)));
		assertThat(otherStatuses).as("the other tenant").containsOnly(202);
	}

	private HttpResponse<String> twilioSend(String pair) throws Exception {
		String basic = java.util.Base64.getEncoder()
			.encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return call("POST", "/2010-04-01/Accounts/" + pair.split(":")[0] + "/Messages.json", null,
				"application/x-www-form-urlencoded", "To=%2B4915123456789&From=A&Body=hammer", "Authorization",
				"Basic " + basic);
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
