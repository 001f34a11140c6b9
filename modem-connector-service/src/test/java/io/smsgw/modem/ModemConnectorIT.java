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
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole service on real Kafka and real serial lines: two simulated modems answer AT
 * commands on socat pty pairs, the connector drives the other ends through jSerialComm; sends,
 * status reports and inbound messages go through Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=modem-connector-service", "sms.modem.reconnect-interval=200ms",
				"sms.modem.probe-interval=300ms", "sms.connector.health-interval=300ms" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class ModemConnectorIT {

	private static SimulatedModemRack modems;

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
		modems = SimulatedModemRack.start(2, "2468", Duration.ofMillis(300));
	}

	@DynamicPropertySource
	static void rack(DynamicPropertyRegistry registry) {
		// a list binds from one property source only: the whole rack goes here
		registry.add("sms.modem.racks[0].id", () -> "rack-it");
		for (int i = 0; i < 2; i++) {
			int index = i;
			String modem = "sms.modem.racks[0].modems[" + i + "].";
			registry.add(modem + "id", () -> "m" + (index + 1));
			registry.add(modem + "port", () -> modems.port(index));
			registry.add(modem + "pin", () -> "2468");
			registry.add(modem + "number", () -> "+44770090000" + (index + 1));
			registry.add(modem + "messages-per-minute", () -> "100");
		}
	}

	@AfterAll
	static void stopPty() throws Exception {
		if (modems != null) {
			modems.close();
		}
	}

	@Test
	void sendsASingleAndATwoPartMessageThroughTheSerialLine() {
		String longText = "Your parcel 4711 arrives tomorrow between 10:00 and 12:00. ".repeat(3) + "Reply STOP to opt out.";
		int before = submits().size();

		MessageSent single = awaitEvent(dispatch("+4915123456789", "Hello over a real pty"), MessageSent.class);
		MessageSent twoParts = awaitEvent(dispatch("+4915123456789", longText), MessageSent.class);

		List<Submit> pdus = submits().subList(before, submits().size());
		assertThat(pdus).hasSize(3);
		Submit first = pdus.stream().filter((pdu) -> pdu.udh().isEmpty()).findFirst().orElseThrow();
		assertThat(first.text()).isEqualTo("Hello over a real pty");
		assertThat(first.destination()).isEqualTo("+4915123456789");
		List<Submit> parts = pdus.stream().filter((pdu) -> !pdu.udh().isEmpty()).toList();
		assertThat(parts.get(0).udh()).startsWith("050003").endsWith("0201");
		assertThat(parts.get(1).udh()).isEqualTo(parts.get(0).udh().substring(0, 10) + "02");
		assertThat(parts.get(0).text() + parts.get(1).text()).isEqualTo(longText);
		assertThat(single.connectorId()).isEqualTo("rack-it");
		assertThat(single.parts()).hasSize(1);
		assertThat(twoParts.parts()).extracting(SentPart::partNumber).containsExactly(1, 2);
		assertThat(referenceOf(twoParts.parts().get(1))).isEqualTo(referenceOf(twoParts.parts().get(0)) + 1);
		assertThat(single.parts().get(0).networkMessageId()).matches("m[12]:\\d+");
	}

	@Test
	void publishesStatusReportsAsReceiptsOfThePartsSent() {
		MessageSent sent = awaitEvent(dispatch("+4915123456789", "report me"), MessageSent.class);
		String id = sent.parts().get(0).networkMessageId();

		ReceiptReceived receipt = awaitEvent("rack-it:" + id, ReceiptReceived.class, Topics.DLR_RECEIVED,
				(event) -> true);

		assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
		assertThat(receipt.connectorId()).isEqualTo("rack-it");
		assertThat(receipt.errorCode()).isEqualTo("ST:00");
	}

	@Test
	void publishesInboundMessagesReassembled() {
		String text = "Hi! ".repeat(45) + "end";
		modems.modem(1).receive("+4915112345678", text);

		InboundReceived inbound = awaitInbound(text);

		assertThat(inbound.from()).isEqualTo("+4915112345678");
		assertThat(inbound.to()).isEqualTo("+447700900002");
		assertThat(inbound.connectorId()).isEqualTo("rack-it");
		assertThat(inbound.complete()).isTrue();
		await().until(() -> modems.modem(1).stored() == 0);
	}

	@Test
	void reportsARefusalOfTheNetworkAsAPermanentFailure() {
		modems.modem(0).answerNextSend("+CMS ERROR: 28");
		modems.modem(1).answerNextSend("+CMS ERROR: 28");

		DispatchFailed failed = awaitEvent(dispatch("+4915123456789", "to nobody"), DispatchFailed.class);

		assertThat(failed.errorCode()).isEqualTo("CMS:28");
		assertThat(failed.reason()).isEqualTo("unidentified subscriber");
		assertThat(failed.retriable()).isFalse();
		assertThat(failed.connectorId()).isEqualTo("rack-it");
		modems.modem(0).clearAnswers();
		modems.modem(1).clearAnswers();
	}

	@Test
	void publishesHealthAndExportsMetrics() throws Exception {
		ConnectorHealth health = awaitEvent("rack-it", ConnectorHealth.class, Topics.CONNECTOR_HEALTH,
				(event) -> ((ConnectorHealth) event).linksUp() == 2);
		awaitEvent(dispatch("+4915123456789", "counted"), MessageSent.class);

		assertThat(health.linksTotal()).isEqualTo(2);
		String metrics = get("/actuator/prometheus");
		assertThat(metrics).containsPattern("sms_modem_modems_up\\{[^}]*rack=\"rack-it\"[^}]*\\} 2\\.0");
		assertThat(metrics).containsPattern("sms_modem_modems_configured\\{[^}]*rack=\"rack-it\"[^}]*\\} 2\\.0");
		assertThat(metrics).containsPattern("sms_modem_signal\\{[^}]*modem=\"m1\"[^}]*rack=\"rack-it\"[^}]*\\} -71\\.0");
		assertThat(metrics).containsPattern("sms_modem_healthy\\{[^}]*modem=\"m2\"[^}]*rack=\"rack-it\"[^}]*\\} 1\\.0");
		assertThat(metrics).containsPattern("sms_modem_sends_total\\{[^}]*outcome=\"sent\"[^}]*rack=\"rack-it\"[^}]*\\} [1-9]");
	}

	private static List<Submit> submits() {
		List<Submit> all = new java.util.ArrayList<>(modems.modem(0).submits());
		all.addAll(modems.modem(1).submits());
		return all;
	}

	private InboundReceived awaitInbound(String body) {
		try (Consumer<String, SmsEvent> consumer = this.consumers.createConsumer("it-" + UUID.randomUUID(), "it")) {
			consumer.subscribe(List.of(Topics.MO_RECEIVED));
			List<InboundReceived> found = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, SmsEvent> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.value() instanceof InboundReceived inbound && inbound.body().equals(body)) {
						found.add(inbound);
					}
				}
				return !found.isEmpty();
			});
			return found.get(0);
		}
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
