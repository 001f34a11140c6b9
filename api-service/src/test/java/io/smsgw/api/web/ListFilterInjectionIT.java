package io.smsgw.api.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.InboundTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL metacharacters, LIKE wildcards, NUL, unicode, very long values and forged cursors in every
 * filter and cursor parameter of the list endpoints: a 400 problem or a correct (here: empty)
 * list, never a 5xx and never another tenant's data.
 */
class ListFilterInjectionIT extends InboundTestSupport {

	static final List<String> HOSTILE = List.of("' OR '1'='1", "'; DROP TABLE message; --", "%", "_", "%%", "a%",
			"\\", "\\'", "\u0000", "a\u0000b", "\u0001\u001f", "x".repeat(3000), "ü€😀", "\uFFFF", "${jndi:ldap://x/a}",
			"../../etc/passwd", "<script>alert(1)</script>", "1e999", "-1", "NaN", "0x10", "[]", "{}", "null", " ",
			"2030-01-01T00:00:00Z' OR 1=1--", "accepted' OR status<>'", "+49151%", "*");

	static final Map<String, List<String>> LISTS = Map.of("/v1/messages",
			List.of("status", "to", "from", "since", "until", "clientReference", "cursor", "limit"), "/v1/inbound",
			List.of("cursor", "limit"), "/v1/suppressions", List.of("cursor", "limit"), "/v1/numbers",
			List.of("cursor", "limit", "to"));

	static final Map<String, List<String>> ADMIN_LISTS = Map.of("/v1/admin/numbers", List.of("tenantId"),
			"/v1/admin/inbound/unrouted", List.of("cursor", "limit"));

	@Test
	void hostileValuesInEveryFilterAreProblemsOrEmptyNeverAnotherTenantsData() throws Exception {
		String tokenA = token("client-a", "secret-a", null);
		String ref = "inj-" + UUID.randomUUID();
		postJson(tokenA, Map.of("to", "+4915123456789", "from", "Acme", "body", "secret text", "clientReference",
				ref));
		callJson("PUT", "/v1/suppressions/" + mobile(), tokenA, null);
		// tenant-b's lists hold none of tenant-a's data: anything of tenant-a in an answer is a leak
		String tokenB = token("client-b", "secret-b", null);
		// a well-formed cursor with a hostile id is a position like any other: bound, never spliced into SQL
		for (String list : List.of("/v1/messages", "/v1/inbound", "/v1/suppressions")) {
			HttpResponse<String> response = get(tokenB, list + "?cursor=" + enc(b64("1700000000.0.' OR 1=1 --")));
			assertThat(response.statusCode()).as(list).isIn(200, 400);
			assertThat(response.body()).as(list).doesNotContain(ref);
		}
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<String, List<String>> list : LISTS.entrySet()) {
			for (String parameter : list.getValue()) {
				for (String value : HOSTILE) {
					wrong.addAll(check(tokenB, list.getKey(), parameter, value, List.of(ref, "secret text", "tenant-a")));
					calls++;
				}
			}
		}
		String admin = adminToken();
		for (Map.Entry<String, List<String>> list : ADMIN_LISTS.entrySet()) {
			for (String parameter : list.getValue()) {
				for (String value : HOSTILE) {
					wrong.addAll(check(admin, list.getKey(), parameter, value, List.of()));
					calls++;
				}
			}
		}
		assertThat(calls).isGreaterThan(300);
		assertThat(wrong).isEmpty();
	}

	@Test
	void wildcardsAreLiteralsNotPatterns() throws Exception {
		String token = token("client-a", "secret-a", null);
		String ref = "50%_off'--" + UUID.randomUUID().toString().substring(0, 8);
		postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body", "sale", "clientReference", ref));

		assertThat(items(token, "clientReference=" + enc(ref))).isEqualTo(1);
		assertThat(items(token, "clientReference=" + enc("50%"))).isZero();
		assertThat(items(token, "clientReference=" + enc(ref.replace("_", "x")))).isZero();
		assertThat(items(token, "clientReference=%25")).isZero();
		assertThat(items(token, "from=%25&clientReference=" + enc(ref))).isZero();
	}

	@Test
	void forgedAndTamperedCursorsAreRefused() throws Exception {
		String token = token("client-a", "secret-a", null);
		String ref = "cur-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body", "c" + i, "clientReference", ref));
		}
		String real = json(get(token, "/v1/messages?limit=1&clientReference=" + ref)).get("nextCursor").asString();
		List<String> forged = List.of(b64("1700000000.0.\u0000"),
				b64("1700000000.0." + "x".repeat(60) + "\u0000"), b64("99999999999999.0." + UUID.randomUUID()),
				b64("-99999999999999.0." + UUID.randomUUID()), b64("1.2"), b64(""), "%%%", "!!notbase64!!",
				b64("1700000000.999999999999." + UUID.randomUUID()), "A".repeat(3000));
		List<String> wrong = new ArrayList<>();
		for (String list : List.of("/v1/messages", "/v1/inbound", "/v1/suppressions")) {
			for (String cursor : forged) {
				HttpResponse<String> response = get(token, list + "?cursor=" + enc(cursor));
				if (response.statusCode() != 400 || !isProblem(response)) {
					wrong.add(list + " cursor=" + cursor + " -> " + response.statusCode() + " " + response.body());
				}
			}
		}
		String tokenB = token("client-b", "secret-b", null);
		// a real cursor of tenant-a is only a position: tenant-b sees its own list from there, nothing of tenant-a
		HttpResponse<String> borrowed = get(tokenB, "/v1/messages?cursor=" + real);
		assertThat(borrowed.statusCode()).isEqualTo(200);
		assertThat(borrowed.body()).doesNotContain(ref);
		// cursors are not signed: a tampered one that still decodes is a position in the caller's own list
		for (String list : List.of("/v1/messages", "/v1/inbound", "/v1/suppressions")) {
			for (String tampered : List.of(real + "x", real.substring(1), real.substring(0, real.length() - 2))) {
				HttpResponse<String> response = get(tokenB, list + "?cursor=" + enc(tampered));
				assertThat(response.statusCode()).as(list + " " + tampered).isIn(200, 400);
				assertThat(response.body()).doesNotContain(ref);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private List<String> check(String token, String list, String parameter, String value, List<String> foreign)
			throws Exception {
		HttpResponse<String> response = get(token, list + "?" + parameter + "=" + enc(value));
		String what = list + "?" + parameter + "=" + abbreviate(value) + " -> " + response.statusCode();
		if (response.statusCode() == 400) {
			return isProblem(response) ? List.of() : List.of(what + " without a problem document");
		}
		if (response.statusCode() != 200) {
			return List.of(what + " " + abbreviate(response.body()));
		}
		List<String> leaks = new ArrayList<>();
		for (String mark : foreign) {
			if (response.body().contains(mark)) {
				leaks.add(what + " shows another tenant's " + mark);
			}
		}
		return leaks;
	}

	private int items(String token, String query) throws Exception {
		HttpResponse<String> response = get(token, "/v1/messages?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("items").size();
	}

	private static boolean isProblem(HttpResponse<String> response) {
		if (!response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
			return false;
		}
		JsonNode problem = json(response);
		return problem.get("status").asInt() == response.statusCode();
	}

	private static String b64(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String value) {
		return (value.length() > 60) ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
	}

}
