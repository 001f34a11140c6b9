package io.smsgw.smpp.cloudhopper;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.smsgw.common.connector.SmsConnector;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/**
 * One running SMPP connector service (shared by the integration tests) bound over TCP to four
 * simulated SMSCs, on the real embedded Kafka: {@code main} (answers after 20 ms, receipts
 * after 50 ms), {@code perm} (refuses everything with ESME_RINVDSTADR), {@code throttle}
 * (throttles half the submits) and {@code restart} (stopped and started again by a test).
 */
@SpringBootTest(properties = { "spring.config.name=smpp-connector-service", "server.port=0",
		"sms.connector.requeue-pause=200ms", "sms.connector.health-interval=1s" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
abstract class SmppConnectorITSupport {

	static final SmscSimulator MAIN = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withResponseDelay(Duration.ofMillis(20))
		.withReceipts(Duration.ofMillis(50), "DELIVRD", true));

	static final SmscSimulator PERMANENT = SmscSimulator
		.start(SmscSimulatorConfig.defaults().withFailures(1.0, SmscSimulatorConfig.STATUS_INVALID_DEST));

	static final SmscSimulator THROTTLING = SmscSimulator.start(SmscSimulatorConfig.defaults().withThrottleShare(0.5));

	static final SmscSimulator FIRST_RESTARTABLE = SmscSimulator.start(SmscSimulatorConfig.defaults());

	@Autowired
	Environment environment;

	@Autowired
	SmppConnectors connectors;

	EventTopics topics;

	@DynamicPropertySource
	static void connections(DynamicPropertyRegistry registry) {
		connection(registry, 0, "main", MAIN.port());
		connection(registry, 1, "perm", PERMANENT.port());
		connection(registry, 2, "throttle", THROTTLING.port());
		connection(registry, 3, "restart", FIRST_RESTARTABLE.port());
		registry.add("sms.smpp.connections[2].throttle-retries", () -> "1");
		registry.add("sms.smpp.connections[2].throttle-retry-delay", () -> "50ms");
	}

	private static void connection(DynamicPropertyRegistry registry, int index, String id, int port) {
		String prefix = "sms.smpp.connections[" + index + "].";
		registry.add(prefix + "id", () -> id);
		registry.add(prefix + "host", () -> "127.0.0.1");
		registry.add(prefix + "port", () -> port);
		registry.add(prefix + "system-id", () -> "smsc");
		registry.add(prefix + "password", () -> "secret");
		registry.add(prefix + "window-size", () -> "50");
		registry.add(prefix + "enquire-link-interval", () -> "1s");
		registry.add(prefix + "response-timeout", () -> "5s");
		registry.add(prefix + "reconnect.initial", () -> "100ms");
		registry.add(prefix + "reconnect.max", () -> "500ms");
	}

	@BeforeEach
	void openTopics() throws InterruptedException {
		this.topics = new EventTopics(this.environment.getProperty("spring.kafka.bootstrap-servers"));
		// "restart" is left to the test that stops its SMSC
		for (String id : new String[] { "main", "perm", "throttle" }) {
			awaitLinksUp(id, 1);
		}
	}

	@AfterEach
	void closeTopics() {
		this.topics.close();
	}

	SmsConnector connector(String id) {
		return this.connectors.connectors().stream().filter((c) -> c.id().equals(id)).findFirst().orElseThrow();
	}

	void awaitLinksUp(String id, int up) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 15_000;
		while (connector(id).links().up() != up) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("Connector " + id + " has " + connector(id).links() + ", expected " + up + " up");
			}
			Thread.sleep(20);
		}
	}

}
