package io.smsgw.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.webhook.RecordingReceiver.Received;
import io.smsgw.webhook.delivery.DeliveryLog;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;
import io.smsgw.webhook.signing.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the webhook integration tests share: one Spring context (same configuration in every
 * subclass, so it is cached) on the real embedded Kafka and PostgreSQL, short retry settings,
 * a real HTTP receiver on 127.0.0.1 (allow-listed: {@code 127.0.0.0/8}), and helpers to publish
 * events and read what came out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=webhook-service",
		"sms.webhook.signing-secrets.tenant-a=" + WebhookITSupport.SECRET,
		"sms.webhook.retry.initial-backoff=100ms", "sms.webhook.retry.max-backoff=500ms",
		"sms.webhook.retry.jitter=0", "sms.webhook.retry.max-total=20s", "sms.webhook.http.read-timeout=2s",
		"sms.webhook.allowed-networks=127.0.0.0/8", "sms.webhook.dispatch.poll-interval=50ms",
		"sms.webhook.dispatch.max-per-endpoint=4", "sms.webhook.dispatch.max-concurrency=16",
		"sms.webhook.breaker.failure-rate-threshold=100", "sms.webhook.breaker.sliding-window=6",
		"sms.webhook.breaker.minimum-calls=6", "sms.webhook.breaker.wait-in-open=1s",
		"sms.webhook.breaker.half-open-calls=1" })
@ContextConfiguration(initializers = { InfrastructureInitializer.class, TestTokens.Initializer.class })
abstract class WebhookITSupport {

	static final String SECRET = "whsec_it_tenant_a";

	static final Duration WAIT = Duration.ofSeconds(30);

	static RecordingReceiver receiver;

	final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	DeliveryLog deliveryLog;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ConsumerFactory<Object, Object> consumerFactory;

	@BeforeAll
	static void startReceiver() throws Exception {
		receiver = RecordingReceiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	/** An answer of the webhook API. */
	record ApiAnswer(int status, JsonNode body) {
	}

	/** Calls the webhook API as a tenant with the {@code webhooks:manage} scope. */
	ApiAnswer api(String method, String path, String tenant, Object body) {
		return apiWithToken(method, path, TestTokens.token(tenant, "webhooks:manage"), body);
	}

	ApiAnswer apiWithToken(String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null)
					? HttpRequest.BodyPublishers.ofString((body instanceof String text) ? text : this.json.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new ApiAnswer(response.statusCode(), (text == null || text.isEmpty()) ? null : this.json.readTree(text));
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Creates a subscription of a tenant and returns its API answer (with the secret). */
	JsonNode subscribe(String tenant, String url, List<String> eventTypes, List<String> statuses) {
		Map<String, Object> request = new java.util.HashMap<>(Map.of("url", url, "eventTypes", eventTypes));
		if (statuses != null) {
			request.put("statuses", statuses);
		}
		ApiAnswer answer = api("POST", "/v1/webhooks", tenant, request);
		assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
		return answer.body();
	}

	DeliveryState stateOf(StatusChanged event) {
		return this.deliveryLog.find(event.eventId()).map(DeliveryRecord::state).orElse(null);
	}

	StatusChanged status(UUID messageId, MessageStatus status, String path) {
		return StatusChanged.of(messageId, "tenant-a", status, Instant.now().truncatedTo(ChronoUnit.MILLIS), null,
				null, receiver.url(path));
	}

	void publish(StatusChanged... events) throws Exception {
		for (StatusChanged event : events) {
			this.kafka.send(Topics.MT_STATUS, event.key(), event).get();
		}
	}

	void assertSignedJsonPost(Received request) {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("User-Agent")).startsWith("smsgw-webhook/");
		assertThat(request.header(WebhookSignature.SIGNATURE_HEADER)).matches("t=\\d+,v1=[0-9a-f]{64}");
		assertThat(WebhookSignature.verify(SECRET, request.header(WebhookSignature.SIGNATURE_HEADER), request.body(),
				Instant.now(), WebhookSignature.DEFAULT_TOLERANCE))
			.as("signature of %s", request.bodyText())
			.isTrue();
	}

	JsonNode body(Received request) {
		return this.json.readTree(request.body());
	}

	static long millisBetween(Received earlier, Received later) {
		return (later.nanos() - earlier.nanos()) / 1_000_000;
	}

	double count(String name, String tag, String value) {
		var search = this.meters.find(name);
		if (tag != null) {
			search = search.tag(tag, value);
		}
		var counter = search.counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	double timerCount(String result) {
		var timer = this.meters.find("sms.webhook.delivery.latency").tag("result", result).timer();
		return (timer != null) ? timer.count() : 0;
	}

	ConsumerRecord<Object, Object> awaitDeadLetter(UUID messageId) {
		return awaitDeadLetters(messageId, 1).get(0);
	}

	ConsumerRecord<Object, Object> awaitDeadLetter(UUID messageId, Duration wait) {
		return awaitDeadLetters(messageId, 1, wait).get(0);
	}

	List<ConsumerRecord<Object, Object>> awaitDeadLetters(UUID messageId, int expected) {
		return awaitDeadLetters(messageId, expected, WAIT);
	}

	List<ConsumerRecord<Object, Object>> awaitDeadLetters(UUID messageId, int expected, Duration wait) {
		List<ConsumerRecord<Object, Object>> found = new ArrayList<>();
		try (Consumer<Object, Object> consumer = this.consumerFactory.createConsumer("webhook-it-" + UUID.randomUUID(),
				null)) {
			consumer.subscribe(List.of(Topics.deadLetter(Topics.MT_STATUS)));
			await().atMost(wait).until(() -> {
				consumer.poll(Duration.ofMillis(200))
					.forEach((r) -> {
						if (messageId.toString().equals(r.key())) {
							found.add(r);
						}
					});
				return found.size() >= expected;
			});
		}
		return found;
	}


}
