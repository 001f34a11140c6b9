package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transliteration switched on per tenant (admin API) and per request: the answers list what was
 * replaced, the transliterated text is what is published and stored, the preview gives the same
 * numbers as a send, and a text that stays Unicode goes unchanged in UCS-2.
 */
class TransliterationIT extends ApiTestSupport {

	/** Curly quotes, an en dash, an apostrophe and an ellipsis. */
	static final String TYPOGRAPHIC = "\u201CSale\u201D \u2013 today\u2019s offer\u2026";

	static final String SENT = "\"Sale\" - today's offer...";

	@Test
	void requestSwitchesItOnAndTheTransliteratedTextIsPublishedAndStored() throws Exception {
		String token = token("client-a", "secret-a", null);

		HttpResponse<String> on = postJson(token, message(TYPOGRAPHIC, true));
		HttpResponse<String> off = postJson(token, message(TYPOGRAPHIC, null));

		assertThat(on.statusCode()).isEqualTo(202);
		JsonNode accepted = json(on);
		assertThat(accepted.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(accepted.get("segments").asInt()).isEqualTo(1);
		assertThat(accepted.get("charactersLeft").asInt()).isEqualTo(160 - SENT.length());
		assertThat(replacements(accepted)).containsEntry("\u201C", "\" x1 @[0]")
			.containsEntry("\u201D", "\" x1 @[5]")
			.containsEntry("\u2013", "- x1 @[7]")
			.containsEntry("\u2019", "' x1 @[14]")
			.containsEntry("\u2026", "... x1 @[22]")
			.hasSize(5);
		JsonNode plain = json(off);
		assertThat(plain.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(plain.get("charactersLeft").asInt()).isEqualTo(70 - TYPOGRAPHIC.length());
		assertThat(plain.get("replacements")).isEmpty();

		UUID id = UUID.fromString(accepted.get("id").asString());
		MessageAccepted event = (MessageAccepted) KafkaTestClient
			.readValues(Topics.MT_ACCEPTED, (e) -> key(e).equals(id), 1)
			.get(0);
		assertThat(event.body()).isEqualTo(SENT);
		assertThat(event.encoding()).isEqualTo("GSM7");
		JsonNode stored = json(get(token, "/v1/messages/" + id));
		assertThat(stored.get("body").asString()).isEqualTo(SENT);
		assertThat(stored.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(stored.get("segments").asInt()).isEqualTo(1);
		JsonNode unchanged = json(get(token, "/v1/messages/" + plain.get("id").asString()));
		assertThat(unchanged.get("body").asString()).isEqualTo(TYPOGRAPHIC);
		assertThat(unchanged.get("encoding").asString()).isEqualTo("UCS2");
	}

	@Test
	void tenantSettingAppliesUnlessTheRequestSaysOtherwise() throws Exception {
		String admin = adminToken();
		String tenant = "tl-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = callJson("POST", "/v1/admin/tenants", admin,
				Map.of("id", tenant, "limits", Map.of("transliterate", true)));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("limits").get("transliterate").asBoolean()).isTrue();
		JsonNode client = json(callJson("POST", "/v1/admin/tenants/" + tenant + "/clients", admin, Map.of()));
		String token = token(client.get("clientId").asString(), client.get("clientSecret").asString(), null);

		JsonNode byTenant = json(postJson(token, message(TYPOGRAPHIC, null)));
		JsonNode refused = json(postJson(token, message(TYPOGRAPHIC, false)));
		JsonNode batch = json(callJson("POST", "/v1/messages/batch", token,
				Map.of("messages", List.of(message(TYPOGRAPHIC, null), message(TYPOGRAPHIC, false)))));

		assertThat(byTenant.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(replacements(byTenant)).hasSize(5);
		assertThat(refused.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(refused.get("replacements")).isEmpty();
		JsonNode first = batch.get("results").get(0).get("message");
		JsonNode second = batch.get("results").get(1).get("message");
		assertThat(first.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(replacements(first)).isEqualTo(replacements(byTenant));
		assertThat(second.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(json(get(token, "/v1/messages/" + first.get("id").asString())).get("body").asString())
			.isEqualTo(SENT);

		HttpResponse<String> switchedOff = callJson("PUT", "/v1/admin/tenants/" + tenant + "/limits", admin,
				Map.of("transliterate", false));
		assertThat(json(switchedOff).get("limits").get("transliterate").asBoolean()).isFalse();
		assertThat(json(postJson(token, message(TYPOGRAPHIC, null))).get("encoding").asString()).isEqualTo("UCS2");
		assertThat(this.jdbc.queryForObject("SELECT transliterate FROM tenant WHERE id = ?", Boolean.class, tenant))
			.isFalse();
	}

	@Test
	void previewGivesTheSameNumbersAsASend() throws Exception {
		String token = token("client-a", "secret-a", null);
		String longText = (TYPOGRAPHIC + " \u00AB\u00A0more\u00A0\u00BB\u2014").repeat(12);
		for (String body : List.of(TYPOGRAPHIC, longText, "plain GSM text {with} \u20AC", "\uD83D\uDE00 \u201Cx\u201D")) {
			for (Boolean transliterate : new Boolean[] { Boolean.TRUE, Boolean.FALSE, null }) {
				Map<String, Object> request = message(body, transliterate);
				JsonNode sent = json(postJson(token, request));
				request.remove("from");
				JsonNode preview = json(callJson("POST", "/v1/messages/preview", token, request));
				for (String field : List.of("encoding", "segments", "charactersLeft", "replacements", "to")) {
					assertThat(preview.get(field)).as(field + " of " + body + " / " + transliterate)
						.isEqualTo(sent.get(field));
				}
				assertThat(preview.get("body").asString())
					.isEqualTo(json(get(token, "/v1/messages/" + sent.get("id").asString())).get("body").asString());
			}
		}
		JsonNode longPreview = json(callJson("POST", "/v1/messages/preview", token, message(longText, true)));
		assertThat(longPreview.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(longPreview.get("segments").asInt()).isGreaterThan(1);
	}

	@Test
	void textThatCannotBecomeGsmIsSentUnchangedInUcs2() throws Exception {
		String token = token("client-a", "secret-a", null);
		String text = "\u041F\u0440\u0438\u0432\u0435\u0442 \u201Cworld\u201D \u2013 \uD83D\uDE00";

		JsonNode accepted = json(postJson(token, message(text, true)));
		JsonNode preview = json(callJson("POST", "/v1/messages/preview", token, Map.of("body", text,
				"transliterate", true)));

		assertThat(accepted.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(accepted.get("replacements")).isEmpty();
		assertThat(accepted.get("charactersLeft").asInt()).isEqualTo(70 - text.length());
		assertThat(preview.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(preview.get("replacements")).isEmpty();
		assertThat(preview.get("body").asString()).isEqualTo(text);
		UUID id = UUID.fromString(accepted.get("id").asString());
		assertThat(((MessageAccepted) KafkaTestClient.readValues(Topics.MT_ACCEPTED, (e) -> key(e).equals(id), 1)
			.get(0)).body()).isEqualTo(text);
	}

	private static Map<String, Object> message(String body, Boolean transliterate) {
		Map<String, Object> message = new HashMap<>(Map.of("to", "+4915123456789", "from", "Acme", "body", body));
		if (transliterate != null) {
			message.put("transliterate", transliterate);
		}
		return message;
	}

	/** original → "replacement xcount @positions". */
	private static Map<String, String> replacements(JsonNode message) {
		Map<String, String> found = new HashMap<>();
		for (JsonNode r : message.get("replacements")) {
			found.put(r.get("original").asString(), r.get("replacement").asString() + " x" + r.get("count").asInt()
					+ " @" + r.get("positions").toString().replace(" ", ""));
		}
		return found;
	}

	private static UUID key(SmsEvent event) {
		return UUID.fromString(event.key());
	}

}
