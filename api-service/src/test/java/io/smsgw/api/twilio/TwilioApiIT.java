package io.smsgw.api.twilio;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twilio-compatible Messages resource, called the way Twilio's SDKs call it.
 */
class TwilioApiIT extends ApiTestSupport {

	@Test
	void sendsAndReadsLikeTwilio() throws Exception {
		HttpResponse<String> response = twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "+4915199999999", "Body", "Hello from Twilio SDK",
						"StatusCallback", "https://example.com/status", "ValidityPeriod", "600"));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode message = json(response);
		String sid = message.get("sid").asString();
		assertThat(sid).startsWith("SM").hasSize(34);
		assertThat(message.get("status").asString()).isEqualTo("queued");
		assertThat(message.get("to").asString()).isEqualTo("+4915123456789");
		assertThat(message.get("from").asString()).isEqualTo("+4915199999999");
		assertThat(message.get("body").asString()).isEqualTo("Hello from Twilio SDK");
		assertThat(message.get("num_segments").asString()).isEqualTo("1");
		assertThat(message.get("account_sid").asString()).isEqualTo("client-a");
		assertThat(message.get("date_created").asString()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
				+ "\\d{2}:\\d{2}:\\d{2} \\+0000");
		assertThat(message.get("uri").asString()).isEqualTo("/2010-04-01/Accounts/client-a/Messages/" + sid + ".json");
		assertThat(message.get("error_code").isNull()).isTrue();

		UUID id = TwilioMessage.id(sid);
		MessageAccepted event = (MessageAccepted) KafkaTestClient
			.readValues(Topics.MT_ACCEPTED, (e) -> e.key().equals(id.toString()), 1)
			.get(0);
		assertThat(event.callbackUrl()).isEqualTo("https://example.com/status");
		assertThat(event.validUntil()).isEqualTo(event.acceptedAt().plusSeconds(600));

		HttpResponse<String> read = twilio("GET", "client-a", "secret-a", "client-a", "/Messages/" + sid + ".json",
				null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json(read).get("sid").asString()).isEqualTo(sid);

		// another tenant's client, with its own account, does not see it
		assertThat(twilio("GET", "client-b", "secret-b", "client-b", "/Messages/" + sid + ".json", null).statusCode())
			.isEqualTo(404);
		// nor through the other account's path
		assertThat(twilio("GET", "client-b", "secret-b", "client-a", "/Messages/" + sid + ".json", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void smartEncodedTransliteratesLikeTwilio() throws Exception {
		String body = "\u201CHi\u201D \u2013 bye\u2026";
		JsonNode smart = json(twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme", "Body", body, "SmartEncoded", "true")));
		JsonNode plain = json(twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme", "Body", body)));

		assertThat(smart.get("body").asString()).isEqualTo("\"Hi\" - bye...");
		assertThat(plain.get("body").asString()).isEqualTo(body);
		UUID id = TwilioMessage.id(smart.get("sid").asString());
		MessageAccepted event = (MessageAccepted) KafkaTestClient
			.readValues(Topics.MT_ACCEPTED, (e) -> e.key().equals(id.toString()), 1)
			.get(0);
		assertThat(event.encoding()).isEqualTo("GSM7");
		assertThat(event.body()).isEqualTo("\"Hi\" - bye...");
	}

	@Test
	void errorsComeInTwilioForm() throws Exception {
		HttpResponse<String> badTo = twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "12", "From", "Acme", "Body", "x"));
		assertThat(badTo.statusCode()).isEqualTo(400);
		JsonNode error = json(badTo);
		assertThat(error.get("code").asInt()).isEqualTo(21211);
		assertThat(error.get("status").asInt()).isEqualTo(400);
		assertThat(error.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/21211");
		assertThat(error.get("message").asString()).contains("'To'");

		assertThat(json(twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme"))).get("code").asInt()).isEqualTo(21602);
		assertThat(json(twilio("POST", "client-a", "secret-a", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme", "Body", "x", "ValidityPeriod", "soon"))).get("code")
			.asInt()).isEqualTo(21623);

		HttpResponse<String> wrongSecret = twilio("POST", "client-a", "nope", "client-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme", "Body", "x"));
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(json(wrongSecret).get("code").asInt()).isEqualTo(20003);
		assertThat(wrongSecret.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");

		HttpResponse<String> readOnly = twilio("POST", "reader-a", "secret-r", "reader-a", "/Messages.json",
				Map.of("To", "+4915123456789", "From", "Acme", "Body", "x"));
		assertThat(readOnly.statusCode()).isEqualTo(403);
		assertThat(twilio("GET", "client-a", "secret-a", "client-a", "/Messages/SMnothex.json", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void statusesMapToTwilios() {
		assertThat(TwilioMessage.status("ACCEPTED")).isEqualTo("queued");
		assertThat(TwilioMessage.status("QUEUED")).isEqualTo("sending");
		assertThat(TwilioMessage.status("SENT")).isEqualTo("sent");
		assertThat(TwilioMessage.status("DELIVERED")).isEqualTo("delivered");
		assertThat(TwilioMessage.status("EXPIRED")).isEqualTo("undelivered");
		assertThat(TwilioMessage.status("REJECTED")).isEqualTo("failed");
		assertThat(TwilioMessage.status("CANCELED")).isEqualTo("canceled");
		UUID id = UUID.randomUUID();
		assertThat(TwilioMessage.id(TwilioMessage.sid(id))).isEqualTo(id);
	}

	private HttpResponse<String> twilio(String method, String clientId, String secret, String account, String path,
			Map<String, String> form) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		String body = (form != null) ? new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) : null;
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/2010-04-01/Accounts/" + account + path))
			.header("Authorization", "Basic " + basic)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
