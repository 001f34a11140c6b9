package io.smsgw.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.Topics;
import io.smsgw.deploy.MonitoringQueries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric a Grafana dashboard or an alert rule queries is exported by the running services:
 * sends messages through the whole stack (delivered, one refused, one unreadable record), scrapes
 * every service's {@code /actuator/prometheus} and compares with the series named in
 * helm/smsgw/dashboards and helm/smsgw/alerts.
 */
class MetricsScrapeIT {

	/** Series that a healthy local stack cannot produce in a test, and why. */
	static final Map<String, String> OPTIONAL = Map.ofEntries(
			Map.entry("sms_router_no_route_total", "the local stack seeds a default route: nothing is unroutable"),
			Map.entry("sms_router_failed_total", "counted only when a dispatch fails for good (FailoverEndToEndIT's ground)"),
			Map.entry("sms_router_failovers_total", "counted only when a dispatch fails over (FailoverEndToEndIT's ground)"),
			Map.entry("kafka_producer_topic_record_send_total",
					"a topic's Kafka client metrics appear after its first send and Micrometer's next refresh of the "
							+ "client's metrics (every 60 s); the dead letter itself is checked through sms_router_dead_letters_total"),
			Map.entry("sms_webhook_dead_letters_total", "counted only after a callback exhausted its retries (minutes)"),
			Map.entry("sms_webhook_circuit_open", "registered per endpoint once a circuit opens after failures"),
			Map.entry("sms_inbound_received_total", "counted only for inbound (MO) messages"),
			Map.entry("sms_suppression_changes_total", "counted only when a suppression list changes"));

	/** Series only a modem rack exports: the local stack has one only where socat is installed. */
	static final Set<String> MODEM_SERIES = Set.of("sms_modem_signal", "sms_modem_healthy", "sms_modem_modems_up",
			"sms_modem_modems_configured", "sms_modem_sends_total");

	private static final HttpClient http = HttpClient.newHttpClient();

	private static GatewayStack stack;

	private static CallbackRecorder callbacks;

	@BeforeAll
	static void startGateway() throws Exception {
		callbacks = new CallbackRecorder();
		stack = GatewayStack.start(LocalStackOptions.forTests(), Map.of());
	}

	@AfterAll
	static void stopGateway() {
		if (stack != null) {
			stack.close();
		}
		if (callbacks != null) {
			callbacks.close();
		}
	}

	@Test
	void everyMetricOfTheDashboardsAndAlertRulesIsExported() throws Exception {
		GatewayClient client = new GatewayClient(stack);
		String token = client.token(LocalStackOptions.CLIENT_ID, stack.options().clientSecret(),
				"messages:send messages:read");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> accepted = client.post(stack.apiUrl() + "/v1/messages", token,
					"{\"to\":\"+491511234567" + i + "\",\"from\":\"ACME\",\"body\":\"metrics " + i
							+ "\",\"callbackUrl\":\"" + callbacks.url() + "\"}");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			ids.add(GatewayClient.json.readTree(accepted.body()).path("id").asText());
		}
		if (stack.modems() != null) {
			HttpResponse<String> viaModem = client.post(stack.apiUrl() + "/v1/messages", token,
					"{\"to\":\"+447911123450\",\"from\":\"ACME\",\"body\":\"metrics via a modem\"}");
			assertThat(viaModem.statusCode()).as(viaModem.body()).isEqualTo(202);
			ids.add(GatewayClient.json.readTree(viaModem.body()).path("id").asText());
		}
		HttpResponse<String> refused = client.post(stack.apiUrl() + "/v1/messages", token,
				"{\"to\":\"+49 12\",\"from\":\"ACME\",\"body\":\"invalid number\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		publishUnreadableRecord();
		for (String id : ids) {
			GatewayClient.await(() -> "delivered".equals(client.message(token, id).path("status").asText()));
		}
		GatewayClient.await(() -> scrape("router-service").contains("sms_router_dead_letters_total"));
		GatewayClient.await(() -> callbacks.callbacks().size() >= 6);
		GatewayClient.await(() -> scrape("dlr-service").contains("sms_dlr_sent_to_receipt_seconds_bucket"));

		Set<String> exported = new TreeSet<>();
		for (ServiceKind kind : ServiceKind.values()) {
			exported.addAll(seriesNames(scrape(kind.serviceName())));
		}
		Map<String, Set<String>> missing = new TreeMap<>();
		for (MonitoringQueries.Query query : MonitoringQueries.all(MonitoringQueries.chart(Path.of("..")))) {
			for (String metric : query.metrics()) {
				boolean optional = OPTIONAL.containsKey(metric)
						|| (stack.modems() == null && MODEM_SERIES.contains(metric));
				if (!exported.contains(metric) && !optional) {
					missing.computeIfAbsent(metric, (m) -> new TreeSet<>()).add(query.source());
				}
			}
		}
		assertThat(missing).as("series queried by dashboards or alert rules that no service exports").isEmpty();
		assertThat(exported).contains("sms_messages_final_total", "smpp_bind_up", "smpp_window_size",
				"kafka_consumer_fetch_manager_records_lag_max", "sms_dlr_accept_to_sent_seconds_bucket");
	}

	/** A record no deserializer can read on sms.mt.accepted: the router parks it on the dead-letter topic. */
	private static void publishUnreadableRecord() throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.infrastructure().kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(Topics.MT_ACCEPTED, "poison", "not json".getBytes(StandardCharsets.UTF_8)))
				.get();
		}
	}

	private static String scrape(String service) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(service) + "/actuator/prometheus"))
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
		return response.body();
	}

	/** The series names of a Prometheus text exposition. */
	static Set<String> seriesNames(String exposition) {
		Set<String> names = new TreeSet<>();
		for (String line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		}
		return names;
	}

}
