package io.smsgw.modem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.modem.config.ModemProperties;
import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIM PINs never reach the logs, with every {@code io.smsgw} logger at DEBUG (the AT commands
 * themselves are logged there), over real serial lines: three simulated modems on socat ptys whose
 * SIMs all take one PIN; m1 is configured with it, m2 with a wrong one, m3 with none. m1 unlocks
 * (again after a replug) and sends, m2 is refused once and left locked, m3 stays locked. Logging
 * is captured from the context's start, when the PINs are entered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=modem-connector-service", "sms.modem.reconnect-interval=200ms",
				"sms.modem.probe-interval=300ms", "sms.connector.health-interval=300ms", "logging.level.io.smsgw=DEBUG" })
@ContextConfiguration(initializers = { InfrastructureInitializer.class, ModemSecretsNeverLeakIT.Capture.class })
class ModemSecretsNeverLeakIT {

	private static final String PIN = "90817263";

	private static final String WRONG_PIN = "71829304";

	private static final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	private static SimulatedModemRack modems;

	private final Set<String> sent = ConcurrentHashMap.newKeySet();

	private final List<String> seen = new ArrayList<>();

	private Consumer<String, SmsEvent> consumer;

	@Autowired
	private KafkaOperations<String, Object> kafka;

	@Autowired
	private ConsumerFactory<String, SmsEvent> consumers;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ModemProperties properties;

	@BeforeAll
	static void startPty() {
		assumeTrue(PtyPair.socatAvailable(), "socat is not installed");
		modems = SimulatedModemRack.start(3, PIN, Duration.ofMillis(300));
	}

	@DynamicPropertySource
	static void rack(DynamicPropertyRegistry registry) {
		registry.add("sms.modem.racks[0].id", () -> "rack-pin");
		String[] pins = { PIN, WRONG_PIN, null };
		for (int i = 0; i < 3; i++) {
			int index = i;
			String modem = "sms.modem.racks[0].modems[" + i + "].";
			registry.add(modem + "id", () -> "m" + (index + 1));
			registry.add(modem + "port", () -> modems.port(index));
			if (pins[i] != null) {
				registry.add(modem + "pin", () -> pins[index]);
			}
			registry.add(modem + "messages-per-minute", () -> "600");
		}
	}

	@AfterAll
	static void stop() throws Exception {
		root().detachAppender(captured);
		if (modems != null) {
			modems.close();
		}
	}

	@AfterEach
	void closeConsumer() {
		if (this.consumer != null) {
			this.consumer.close();
		}
	}

	@Test
	void pinsAreNeverLoggedWhileEnteredRefusedAndMissing() {
		await().atMost(Duration.ofSeconds(30)).until(() -> gauge("sms.modem.healthy", "m1") == 1.0);
		for (int i = 0; i < 3; i++) {
			dispatch("+4915123456789", "pin test " + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> sentCount() == 3);
		modems.unplug(0);
		modems.plug(0);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> pinEntries(0, PIN) >= 2 && gauge("sms.modem.healthy", "m1") == 1.0);
		dispatch("+4915123456789", "after the replug");
		await().atMost(Duration.ofSeconds(30)).until(() -> sentCount() == 4);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pinEntries(1, WRONG_PIN) == 1);

		assertThat(modems.modem(0).submits()).hasSize(4);
		assertThat(pinEntries(0, PIN)).isGreaterThanOrEqualTo(2);
		assertThat(modems.modem(1).submits()).isEmpty();
		assertThat(modems.modem(2).commands()).noneMatch((command) -> command.toUpperCase().startsWith("AT+CPIN="));
		assertThat(gauge("sms.modem.healthy", "m2")).isZero();
		assertThat(gauge("sms.modem.healthy", "m3")).isZero();
		assertThat(this.properties.toString()).as("the configuration as printed").doesNotContain(PIN, WRONG_PIN);
		List<String> lines = lines();
		assertThat(lines).as("the PIN commands were logged, masked").anyMatch((line) -> line.contains("AT+CPIN=****"));
		assertThat(lines).anyMatch((line) -> line.contains("refused the configured PIN"))
			.anyMatch((line) -> line.contains("none is configured"));
		assertThat(lines).as("logs").noneMatch((line) -> line.contains(PIN) || line.contains(WRONG_PIN));
	}

	private long pinEntries(int modem, String pin) {
		return modems.modem(modem)
			.commands()
			.stream()
			.filter((command) -> command.equalsIgnoreCase("AT+CPIN=\"" + pin + "\""))
			.count();
	}

	private double gauge(String name, String modem) {
		var gauge = this.meters.find(name).tag("modem", modem).gauge();
		return (gauge != null) ? gauge.value() : -1;
	}

	private void dispatch(String to, String body) {
		UUID id = UUID.randomUUID();
		DispatchRequest request = new DispatchRequest(id, "tenant-it", "rack-pin", to, "Gateway", body, 1, Instant.now());
		this.kafka.send(Topics.dispatch("rack-pin"), request.key(), request).join();
		this.sent.add(id.toString());
	}

	private int sentCount() {
		if (this.consumer == null) {
			this.consumer = this.consumers.createConsumer("it-" + UUID.randomUUID(), "it");
			this.consumer.subscribe(List.of(Topics.MT_SENT));
		}
		for (ConsumerRecord<String, SmsEvent> record : this.consumer.poll(Duration.ofMillis(200))) {
			if (record.value() instanceof MessageSent && this.sent.contains(record.key())) {
				this.seen.add(record.key());
			}
		}
		return this.seen.size();
	}

	private static List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(captured.list)) {
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
			event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	/** Starts capturing before the context's beans (and so the modems) start, after Boot set up logging. */
	static class Capture implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			captured.start();
			root().addAppender(captured);
		}

	}

}
