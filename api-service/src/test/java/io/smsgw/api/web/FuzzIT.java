package io.smsgw.api.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every endpoint random JSON, random strings, wrong types, deep nesting, huge numbers and
 * hostile query strings: whatever comes in, the answer is never a 5xx.
 */
class FuzzIT extends ApiTestSupport {

	private static final String[] FIELDS = { "to", "from", "body", "callbackUrl", "validityPeriod", "validUntil",
			"messageType", "clientReference", "sendAt", "messages", "id", "name", "defaultRegion", "limits",
			"ratePerSecond", "dailyQuota", "maxParts", "clientId", "scopes", "overlapSeconds", "tenantId", "shared", "stop",
			"start", "help", "helpReply" };

	private final Random random = new Random(20300101);

	@Test
	void noInputEverCausesA5xx() throws Exception {
		String token = token("client-a", "secret-a", null);
		String admin = adminToken();
		String[][] endpoints = { { "POST", "/v1/messages" }, { "POST", "/v1/messages/batch" },
				{ "POST", "/v1/messages/preview" }, { "GET", "/v1/messages" }, { "GET", "/v1/messages/%s" },
				{ "DELETE", "/v1/messages/%s" }, { "POST", "/v1/admin/tenants" }, { "GET", "/v1/admin/tenants/%s" },
				{ "PUT", "/v1/admin/tenants/%s/limits" }, { "POST", "/v1/admin/tenants/%s/clients" },
				{ "GET", "/v1/admin/tenants/%s/clients" }, { "POST", "/v1/admin/clients/%s/rotate" },
				{ "GET", "/v1/numbers" }, { "GET", "/v1/inbound" }, { "GET", "/v1/inbound/%s" },
				{ "GET", "/v1/suppressions" }, { "GET", "/v1/suppressions/%s" }, { "PUT", "/v1/suppressions/%s" },
				{ "DELETE", "/v1/suppressions/%s" }, { "GET", "/v1/keyword-sets" }, { "PUT", "/v1/keyword-sets/%s" },
				{ "DELETE", "/v1/keyword-sets/%s" }, { "GET", "/v1/admin/numbers" }, { "GET", "/v1/admin/numbers/%s" },
				{ "PUT", "/v1/admin/numbers/%s" }, { "PUT", "/v1/admin/numbers/%s/keywords/%s" },
				{ "DELETE", "/v1/admin/numbers/%s/keywords/%s" }, { "GET", "/v1/admin/inbound/unrouted" } };
		List<String> failures = new ArrayList<>();
		for (String[] endpoint : endpoints) {
			String auth = endpoint[1].startsWith("/v1/admin") ? admin : token;
			for (int i = 0; i < 30; i++) {
				String path = endpoint[1].contains("%s") ? endpoint[1].replace("%s", pathSegment()) : endpoint[1];
				if (endpoint[0].equals("GET") && !path.contains("clients")) {
					path += "?" + query();
				}
				String body = endpoint[0].equals("GET") || endpoint[0].equals("DELETE") ? null : body();
				HttpResponse<String> response = call(endpoint[0], path, auth, "application/json", body,
						"Idempotency-Key", (i % 3 == 0) ? "fuzz-" + i : "k" + this.random.nextInt(5));
				if (response.statusCode() >= 500) {
					failures.add(endpoint[0] + " " + path + " " + body + " -> " + response.statusCode());
				}
			}
		}
		for (int i = 0; i < 30; i++) {
			String form = "To=" + enc(text()) + "&From=" + enc(text()) + "&Body=" + enc(text()) + "&ValidityPeriod="
					+ enc(text()) + "&StatusCallback=" + enc(text());
			String basic = Base64.getEncoder().encodeToString("client-a:secret-a".getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = call("POST", "/2010-04-01/Accounts/client-a/Messages.json", null,
					(i % 5 == 0) ? "application/json" : "application/x-www-form-urlencoded", form, "Authorization",
					"Basic " + basic);
			if (response.statusCode() >= 500) {
				failures.add("twilio " + form + " -> " + response.statusCode());
			}
		}
		assertThat(failures).isEmpty();
	}

	private String body() {
		switch (this.random.nextInt(6)) {
			case 0:
				return text();
			case 1:
				return "[".repeat(2000 + this.random.nextInt(3000)) + "]".repeat(10);
			case 2:
				return "{\"to\":" + "9".repeat(400) + ",\"body\":1e999999,\"validityPeriod\":-1e308}";
			default:
				return json(3);
		}
	}

	private String json(int depth) {
		StringBuilder out = new StringBuilder("{");
		int n = this.random.nextInt(6);
		for (int i = 0; i < n; i++) {
			out.append((i > 0) ? "," : "").append('"').append(FIELDS[this.random.nextInt(FIELDS.length)]).append("\":");
			out.append(value(depth));
		}
		return out.append('}').toString();
	}

	private String value(int depth) {
		switch (this.random.nextInt(9)) {
			case 0:
				return Long.toString(this.random.nextLong());
			case 1:
				return "9".repeat(1 + this.random.nextInt(60));
			case 2:
				return "true";
			case 3:
				return "null";
			case 4:
				return (depth > 0) ? json(depth - 1) : "{}";
			case 5:
				return (depth > 0) ? "[" + value(depth - 1) + "," + json(depth - 1) + "]" : "[]";
			case 6:
				return "\"2999-99-99T99:99:99Z\"";
			default:
				return "\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
	}

	private String text() {
		int length = this.random.nextInt(40);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(10);
			char c = (kind == 0) ? (char) this.random.nextInt(32)
					: (kind == 1) ? (char) (0x400 + this.random.nextInt(0x2000)) : (char) (32 + this.random.nextInt(95));
			out.append(Character.isSurrogate(c) ? 'x' : c);
		}
		return (this.random.nextInt(8) == 0) ? out + "\\u0000" : out.toString();
	}

	private String pathSegment() {
		String[] choices = { java.util.UUID.randomUUID().toString(), "tenant-a", "client-a", "..", "%00", "%27%3B--",
				"x".repeat(300), "%E2%82%AC", "SM" + "f".repeat(32) };
		return choices[this.random.nextInt(choices.length)];
	}

	private String query() {
		String[] names = { "status", "to", "from", "since", "until", "clientReference", "cursor", "limit" };
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 1 + this.random.nextInt(4); i++) {
			out.append((i > 0) ? "&" : "").append(names[this.random.nextInt(names.length)]).append('=')
				.append(enc(text()));
		}
		return out.toString();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
