package io.smsgw.api.inbound;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.InboundTestSupport;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * STOP, START and HELP keywords maintain the tenant's suppression list, and a send to a
 * suppressed number is refused everywhere a message can be sent.
 */
class OptOutKeywordsIT extends InboundTestSupport {

	@Test
	void stopSuppressesUntilStartAndHelpChangesNothing() throws Exception {
		String number = mobile();
		assign(number, "tenant-a");
		String token = token("client-a", "secret-a", null);
		String sender = mobile();

		InboundReceived stop = inbound(sender, number, "stop sending me this please");
		assertThat(routed(stop.inboundId(), 1).get(0).action()).isEqualTo("STOP");
		JsonNode suppression = json(get(token, "/v1/suppressions/" + sender));
		assertThat(suppression.get("source").asString()).isEqualTo("keyword");
		assertThat(suppression.get("keyword").asString()).isEqualTo("STOP");
		assertThat(json(get(token, "/v1/inbound/" + stop.inboundId())).get("action").asString()).isEqualTo("STOP");

		HttpResponse<String> refused = postJson(token, Map.of("to", sender, "from", "Acme", "body", "promo"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(refused);
		assertThat(problem.get("type").asString()).endsWith("/recipient-suppressed");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(postJson(token, Map.of("to", sender, "from", "Acme", "body", "your code is 1234", "messageType",
				"transactional")).statusCode()).isEqualTo(422);
		assertThat(postJson(token, Map.of("to", sender, "from", "Acme", "body", "later", "sendAt",
				java.time.Instant.now().plusSeconds(600).toString())).statusCode()).isEqualTo(422);

		String other = mobile();
		HttpResponse<String> batch = callJson("POST", "/v1/messages/batch", token, Map.of("messages", List.of(
				Map.of("to", other, "from", "Acme", "body", "one"), Map.of("to", sender, "from", "Acme", "body", "two"))));
		assertThat(batch.statusCode()).isEqualTo(200);
		JsonNode results = json(batch);
		assertThat(results.get("accepted").asInt()).isEqualTo(1);
		assertThat(results.get("results").get(0).get("status").asString()).isEqualTo("accepted");
		JsonNode item = results.get("results").get(1);
		assertThat(item.get("status").asString()).isEqualTo("rejected");
		assertThat(item.get("problem").get("status").asInt()).isEqualTo(422);
		assertThat(item.get("problem").get("type").asString()).endsWith("recipient-suppressed");
		assertThat(item.get("problem").get("errors").get(0).get("field").asString()).isEqualTo("to");

		HttpResponse<String> twilio = call("POST", "/2010-04-01/Accounts/client-a/Messages.json", null,
				"application/x-www-form-urlencoded", "To=" + URLEncoder.encode(sender, StandardCharsets.UTF_8)
						+ "&From=Acme&Body=hi",
				"Authorization", "Basic " + Base64.getEncoder().encodeToString("client-a:secret-a".getBytes()));
		assertThat(twilio.statusCode()).isEqualTo(400);
		assertThat(json(twilio).get("code").asInt()).isEqualTo(21610);
		assertThat(json(twilio).get("message").asString()).isEqualTo("Attempt to send to unsubscribed recipient");

		InboundReceived help = inbound(sender, number, "Help?");
		assertThat(routed(help.inboundId(), 1).get(0).action()).isEqualTo("HELP");
		assertThat(get(token, "/v1/suppressions/" + sender).statusCode()).isEqualTo(200);

		InboundReceived start = inbound(sender, number, "START");
		assertThat(routed(start.inboundId(), 1).get(0).action()).isEqualTo("START");
		assertThat(get(token, "/v1/suppressions/" + sender).statusCode()).isEqualTo(404);
		assertThat(postJson(token, Map.of("to", sender, "from", "Acme", "body", "welcome back")).statusCode())
			.isEqualTo(202);
	}

	@Test
	void keywordsOfOtherLanguagesWithAccentsAndPunctuation() throws Exception {
		String number = mobile();
		assign(number, "tenant-b");
		String token = token("client-b", "secret-b", null);
		String german = mobile();
		String french = mobile();
		String spanish = mobile();

		InboundReceived stopp = inbound(german, number, "Stopp, bitte keine Werbung mehr");
		InboundReceived arret = inbound(french, number, "  ARRÊT.");
		InboundReceived baja = inbound(spanish, number.substring(1), "baja");
		for (InboundReceived in : List.of(stopp, arret, baja)) {
			assertThat(routed(in.inboundId(), 1).get(0).action()).as(in.body()).isEqualTo("STOP");
		}
		for (String sender : List.of(german, french, spanish)) {
			assertThat(get(token, "/v1/suppressions/" + sender).statusCode()).as(sender).isEqualTo(200);
		}
		InboundReceived notAKeyword = inbound(mobile(), number, "Stopover in Paris tomorrow?");
		assertThat(routed(notAKeyword.inboundId(), 1).get(0).action()).isNull();
	}

	@Test
	void tenantKeywordsAndAutoReplies() throws Exception {
		String number = mobile();
		assign(number, "tenant-a");
		String token = token("client-a", "secret-a", null);
		HttpResponse<String> put = callJson("PUT", "/v1/keyword-sets/en", token, Map.of("stop", List.of("STOP",
				"Halt"), "start", List.of("START"), "help", List.of("HELP"), "helpReply",
				"Acme alerts: reply STOP to opt out.", "stopReply", "You will get no more messages from Acme."));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		try {
			String sender = mobile();
			InboundReceived help = inbound(sender, number, "help");
			assertThat(routed(help.inboundId(), 1).get(0).action()).isEqualTo("HELP");
			InboundReceived halt = inbound(sender, number, "halt");
			assertThat(routed(halt.inboundId(), 1).get(0).action()).isEqualTo("STOP");
			InboundReceived quit = inbound(sender, number, "quit");
			assertThat(routed(quit.inboundId(), 1).get(0).action()).as("'quit' is no longer an en keyword").isNull();

			List<String> replies = KafkaTestClient.readValues(Topics.MT_ACCEPTED,
					(e) -> ((MessageAccepted) e).to().equals(sender), 2)
				.stream()
				.map((e) -> ((MessageAccepted) e).from() + ": " + ((MessageAccepted) e).body())
				.toList();
			assertThat(replies).containsExactlyInAnyOrder(number + ": Acme alerts: reply STOP to opt out.",
					number + ": You will get no more messages from Acme.");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(json(get(token, "/v1/messages?to=" + sender.replace("+", "%2B")))
					.get("items")
					.size()).isEqualTo(2));
		}
		finally {
			assertThat(callJson("DELETE", "/v1/keyword-sets/en", token, null).statusCode()).isEqualTo(204);
		}
		assertThat(callJson("DELETE", "/v1/keyword-sets/en", token, null).statusCode()).isEqualTo(404);
	}

}
