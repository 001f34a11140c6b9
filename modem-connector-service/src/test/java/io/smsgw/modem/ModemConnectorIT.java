package io.smsgw.modem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.smsgw.common.event.ConnectorHealth;
import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.modem.sim.PtyModem;
import io.smsgw.modem.sim.PtyPair;
import io.smsgw.modem.sim.SimulatedModem;
import io.smsgw.modem.sim.SubmitPduDecoder;
import io.smsgw.modem.sim.SubmitPduDecoder.Submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole service on real Kafka and a real serial line: a simulated modem answers AT commands
 * on one end of a socat pty pair, the connector drives the other end through jSerialComm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=modem-connector-service", "sms.modem.reconnect-interval=200ms",
				"sms.connector.health-interval=300ms" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class ModemConnectorIT {

	private static final SimulatedModem modem = new SimulatedModem("2468", 40);

	private static PtyPair pty;

	private static PtyModem ptyModem;

	private final Map<String, SmsEvent> received = new ConcurrentHashMap<>();

	@Autowired
	private KafkaOperations<String, Object> kafka;

	@Autowired
	private ConsumerFactory<String, SmsEvent> consumers;

	@Autowired
	private Environment environment;

	@BeforeAll
	static void startPty() throws Exception {
		assumeTrue(PtyPair.socatAvailable(), "socat is not installed");
		pty = PtyPair.start();
		ptyModem = PtyModem.start(pty.modemSide(), modem);
	}

	@DynamicPropertySource
	static void rack(DynamicPropertyRegistry registry) {
		// a list binds from one property source only: the whole rack goes here
		registry.add("sms.modem.racks[0].id", () -> "rack-it");
		registry.add("sms.modem.racks[0].modems[0].id", () -> "m1");
		registry.add("sms.modem.racks[0].modems[0].port", () -> pty.connectorSide());
		registry.add("sms.modem.racks[0].modems[0].pin", () -> "2468");
		registry.add("sms.modem.racks[0].modems[0].messages-per-minute", () -> "100");
	}

	@AfterAll
	static void stopPty() throws Exception {
		if (ptyModem != null) {
			ptyModem.close();
		}
		if (pty != null) {
			pty.close();
		}
	}

	@Test
	void sendsASingleAndATwoPartMessageThroughTheSerialLine() {
		String longText = "Your parcel 4711 arrives tomorrow between 10:00 and 12:00. ".repeat(3) + "Reply STOP to opt out.";
		int before = modem.pdus().size();

		MessageSent single = awaitEvent(dispatch("+4915123456789", "Hello over a real pty"), MessageSent.class);
		MessageSent twoParts = awaitEvent(dispatch("+4915123456789", longText), MessageSent.class);

		List<Submit> pdus = modem.pdus().subList(before, modem.pdus().size()).stream().map(SubmitPduDecoder::decode).toList();
		assertThat(pdus).hasSize(3);
		assertThat(pdus.get(0).text()).isEqualTo("Hello over a real pty");
		assertThat(pdus.get(0).destination()).isEqualTo("+4915123456789");
		assertThat(pdus.get(0).udh()).isEmpty();
		assertThat(pdus.get(1).udh()).startsWith("050003").endsWith("0201");
		assertThat(pdus.get(2).udh()).isEqualTo(pdus.get(1).udh().substring(0, 10) + "02");
		assertThat(pdus.get(1).text() + pdus.get(2).text()).isEqualTo(longText);
		assertThat(single.connectorId()).isEqualTo("rack-it");
		assertThat(single.parts()).hasSize(1);
		assertThat(twoParts.parts()).extracting(SentPart::partNumber).containsExactly(1, 2);
		assertThat(referenceOf(twoParts.parts().get(1))).isEqualTo(referenceOf(twoParts.parts().get(0)) + 1);
		assertThat(single.parts().get(0).networkMessageId()).matches("m1:\\d+");
	}

	@Test
	void reportsARefusalOfTheNetworkAsAPermanentFailure() {
		modem.answerNextSend("+CMS ERROR: 28");

		DispatchFailed failed = awaitEvent(dispatch("+4915123456789", "to nobody"), DispatchFailed.class);

		assertThat(failed.errorCode()).isEqualTo("CMS:28");
		assertThat(failed.reason()).isEqualTo("unidentified subscriber");
		assertThat(failed.retriable()).isFalse();
		assertThat(failed.connectorId()).isEqualTo("rack-it");
	}

	@Test
	void publishesHealthAndExportsMetrics() throws Exception {
		ConnectorHealth health = awaitEvent("rack-it", ConnectorHealth.class, Topics.CONNECTOR_HEALTH,
				(event) -> ((ConnectorHealth) event).linksUp() == 1);
		awaitEvent(dispatch("+4915123456789", "counted"), MessageSent.class);

		assertThat(health.linksTotal()).isEqualTo(1);
		String metrics = get("/actuator/prometheus");
		assertThat(metrics).containsPattern("sms_modem_modems_up\\{[^}]*rack=\"rack-it\"[^}]*\\} 1\\.0");
		assertThat(metrics).containsPattern("sms_modem_modems_configured\\{[^}]*rack=\"rack-it\"[^}]*\\} 1\\.0");
		assertThat(metrics).containsPattern("sms_modem_sends_total\\{[^}]*outcome=\"sent\"[^}]*rack=\"rack-it\"[^}]*\\} [1-9]");
	}

	private static int referenceOf(SentPart part) {
		return Integer.parseInt(part.networkMessageId().substring(part.networkMessageId().indexOf(':') + 1));
	}

	private String dispatch(String to, String body) {
		UUID id = UUID.randomUUID();
		DispatchRequest request = new DispatchRequest(id, "tenant-it", "rack-it", to, "Gateway", body, 1, Instant.now());
		this.kafka.send(Topics.dispatch("rack-it"), request.key(), request).join();
		return id.toString();
	}

	private <T extends SmsEvent> T awaitEvent(String messageId, Class<T> type) {
		String topic = (type == MessageSent.class) ? Topics.MT_SENT : Topics.MT_DISPATCH_FAILED;
		return awaitEvent(messageId, type, topic, (event) -> true);
	}

	private <T extends SmsEvent> T awaitEvent(String key, Class<T> type, String topic,
			java.util.function.Predicate<SmsEvent> matching) {
		try (Consumer<String, SmsEvent> consumer = this.consumers.createConsumer("it-" + UUID.randomUUID(), "it")) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, SmsEvent> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key()) && type.isInstance(record.value()) && matching.test(record.value())) {
						this.received.put(key, record.value());
					}
				}
				return this.received.containsKey(key);
			});
		}
		return type.cast(this.received.get(key));
	}

	private String get(String path) throws Exception {
		String port = this.environment.getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
