package io.smsgw.api.suppression;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.InboundTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression list API: create, read, list with cursors, delete, per tenant only, with
 * problem details for bad input; and the keyword sets a tenant edits.
 */
class SuppressionApiIT extends InboundTestSupport {

	@Test
	void crudOnTheOwnListOnly() throws Exception {
		String tokenA = token("client-a", "secret-a", null);
		String tokenB = token("client-b", "secret-b", null);
		String number = mobile();

		HttpResponse<String> created = callJson("PUT", "/v1/suppressions/" + number, tokenA, null);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode view = json(created);
		assertThat(view.get("number").asString()).isEqualTo(number);
		assertThat(view.get("source").asString()).isEqualTo("api");
		assertThat(view.get("suppressedAt").asString()).isNotBlank();
		assertThat(callJson("PUT", "/v1/suppressions/" + number, tokenA, null).statusCode()).isEqualTo(200);
		String national = "0" + number.substring(3);
		assertThat(json(get(tokenA, "/v1/suppressions/" + national)).get("number").asString()).isEqualTo(number);

		assertThat(get(tokenB, "/v1/suppressions/" + number).statusCode()).isEqualTo(404);
		assertThat(json(get(tokenB, "/v1/suppressions?limit=100")).toString()).doesNotContain(number);
		assertThat(callJson("DELETE", "/v1/suppressions/" + number, tokenB, null).statusCode()).isEqualTo(404);
		assertThat(postJson(tokenB, Map.of("to", number, "from", "Beta", "body", "not suppressed for B"))
			.statusCode()).isEqualTo(202);
		assertThat(get(tokenA, "/v1/suppressions/" + number).statusCode()).isEqualTo(200);

		assertThat(callJson("DELETE", "/v1/suppressions/" + number, tokenA, null).statusCode()).isEqualTo(204);
		assertThat(get(tokenA, "/v1/suppressions/" + number).statusCode()).isEqualTo(404);
		assertThat(callJson("DELETE", "/v1/suppressions/" + number, tokenA, null).statusCode()).isEqualTo(404);
	}

	@Test
	void listPagesWithCursors() throws Exception {
		String token = token("client-b", "secret-b", null);
		List<String> numbers = List.of(mobile(), mobile(), mobile());
		for (String number : numbers) {
			assertThat(callJson("PUT", "/v1/suppressions/" + number, token, null).statusCode()).isEqualTo(201);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = json(get(token, "/v1/suppressions?limit=2" + ((cursor != null) ? "&cursor=" + cursor : "")));
			page.get("items").forEach((item) -> seen.add(item.get("number").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 100);
		assertThat(seen).containsAll(numbers).doesNotHaveDuplicates();
		assertThat(pages).isGreaterThanOrEqualTo(2);
	}

	@Test
	void badInputIsAProblem() throws Exception {
		String token = token("client-a", "secret-a", null);
		String reader = token("reader-a", "secret-r", null);
		for (String path : List.of("/v1/suppressions/abc", "/v1/suppressions/+1", "/v1/suppressions?limit=0",
				"/v1/suppressions?cursor=garbage", "/v1/inbound?limit=x", "/v1/inbound?cursor=Zm9v")) {
			HttpResponse<String> response = get(token, path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(json(response).get("errors").get(0).get("field").asString()).as(path).isNotBlank();
		}
		assertThat(callJson("PUT", "/v1/suppressions/" + mobile(), reader, null).statusCode()).isEqualTo(403);
		assertThat(get(reader, "/v1/suppressions").statusCode()).isEqualTo(200);
		assertThat(get(null, "/v1/suppressions").statusCode()).isEqualTo(401);
		assertThat(get(token, "/v1/inbound/not-a-uuid").statusCode()).isEqualTo(404);
	}

	@Test
	void keywordSetsAreReadAndValidated() throws Exception {
		String token = token("client-b", "secret-b", null);
		JsonNode sets = json(get(token, "/v1/keyword-sets"));
		assertThat(sets.toString()).contains("\"language\":\"en\"", "UNSUBSCRIBE", "STOPP", "ARRET", "BAJA", "PARAR");

		HttpResponse<String> bad = callJson("PUT", "/v1/keyword-sets/english", token,
				Map.of("stop", List.of("two words", "STOP"), "start", List.of("stop"), "helpReply", ""));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).get("errors").toString()).contains("language", "stop[0]", "start[0]", "helpReply");
		assertThat(callJson("PUT", "/v1/keyword-sets/it", token, Map.of("stop", List.of("STOP"), "extra", 1))
			.statusCode()).isEqualTo(400);
		assertThat(callJson("PUT", "/v1/keyword-sets/it", token(("reader-a"), "secret-r", null),
				Map.of("stop", List.of("STOP"))).statusCode()).isEqualTo(403);
	}

}
