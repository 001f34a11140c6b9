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
import io.smsgw.simulator.smsc.MessageIdFormat;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/**
 * One running SMPP connector service (shared by the integration tests) bound over TCP to
 * simulated SMSCs, on the real embedded Kafka: {@code main} (answers after 20 ms, receipts
 * after 50 ms), {@code perm} (refuses everything with ESME_RINVDSTADR), {@code throttle}
 * (throttles half the submits), {@code queuefull} (half ESME_RMSGQFUL), {@code slow} (answers after its
 * response timeout), {@code restart} (stopped and started again by a test), and one
 * per connection feature (see the fields), and {@code rogue}, a raw-TCP SMSC that misbehaves.
 */
@SpringBootTest(properties = { "spring.config.name=smpp-connector-service", "server.port=0",
		"sms.connector.requeue-pause=200ms", "sms.connector.health-interval=1s",
		"sms.connector.hand-back-after=4s" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
abstract class SmppConnectorITSupport {

	static final SmscSimulator MAIN = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withResponseDelay(Duration.ofMillis(20))
		.withReceipts(Duration.ofMillis(50), "DELIVRD", true));

	static final SmscSimulator PERMANENT = SmscSimulator
		.start(SmscSimulatorConfig.defaults().withFailures(1.0, SmscSimulatorConfig.STATUS_INVALID_DEST));

	static final SmscSimulator THROTTLING = SmscSimulator.start(SmscSimulatorConfig.defaults().withThrottleShare(0.5));

	static final SmscSimulator FIRST_RESTARTABLE = SmscSimulator.start(SmscSimulatorConfig.defaults());

	/** Two TRX binds capped at 10 submits per second. */
	static final SmscSimulator PACED = SmscSimulator.start(SmscSimulatorConfig.defaults());

	/** Hex ids in responses, decimal ids in receipts, receipts as data_sm; bound as a TX+RX pair. */
	static final SmscSimulator PAIR = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withIdFormat(MessageIdFormat.HEX)
		.withReceiptIdFormat(MessageIdFormat.DECIMAL)
		.withReceiptsAsDataSm(true)
		.withReceipts(Duration.ofMillis(20), "DELIVRD", true));

	/** Receipts before the submit_sm_resp; the connection uses SAR TLVs. */
	static final SmscSimulator EARLY = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withReceiptsBeforeResponse(true));

	/** message_payload, Latin-1 as data_coding 3 and a default validity. */
	static final SmscSimulator PAYLOAD = SmscSimulator.start(SmscSimulatorConfig.defaults());

	/** Answers slowly, so that a drop mid-window leaves many submits unanswered. */
	static final SmscSimulator DROPPING = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withResponseDelay(Duration.ofMillis(100)));

	/** A third of the submits answered ESME_RSYSERR (transient). */
	static final SmscSimulator FLAKY = SmscSimulator.start(SmscSimulatorConfig.defaults().withFailures(0.3, 0x08));

	/** Refuses everything with a generic_nack carrying ESME_RINVDSTADR. */
	static final SmscSimulator NACKING = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withFailures(1.0, SmscSimulatorConfig.STATUS_INVALID_DEST)
		.withFailuresAsGenericNack(true));

	/** Over TLS with a self-signed key made for the test. */
	static final SmscSimulator SECURE = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withTls(TestKeyStores.selfSigned(), TestKeyStores.PASSWORD));

	/** Takes injected multipart MO messages; the connection holds incomplete sets for 2 s only. */
	static final SmscSimulator MO = SmscSimulator.start(SmscSimulatorConfig.defaults());

	/** Answers after 1.5 s, longer than its connection's 500 ms response timeout, until a test speeds it up. */
	static final SmscSimulator SLOW = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withResponseDelay(Duration.ofMillis(1500)));

	/** Answers half the submits ESME_RMSGQFUL. */
	static final SmscSimulator QUEUE_FULL = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withThrottleShare(0.5)
		.withThrottleStatus(SmscSimulatorConfig.STATUS_QUEUE_FULL));

	/** Answers at once; a test drops its connection mid-window (see {@code SmppLinkCutIT}). */
	static final SmscSimulator CUT = SmscSimulator.start(SmscSimulatorConfig.defaults());

	/** Answers after 400 ms, behind {@link #RELAY}. */
	static final SmscSimulator HELD = SmscSimulator.start(SmscSimulatorConfig.defaults()
		.withResponseDelay(Duration.ofMillis(400)));

	/** The network to {@link #HELD}, which a test cuts (connection {@code relay}). */
	static final CuttableSmppRelay RELAY = CuttableSmppRelay.start(HELD.port());

	/** Speaks raw SMPP and misbehaves on a test's command; its bind password must never be logged. */
	static final RogueSmsc ROGUE = RogueSmsc.start();

	static final String ROGUE_PASSWORD = "rogue-Pw-7Hq2x";

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
		registry.add("sms.smpp.connections[2].throttle.retries", () -> "1");
		registry.add("sms.smpp.connections[2].throttle.retry-delay", () -> "50ms");
		connection(registry, 4, "paced", PACED.port());
		registry.add("sms.smpp.connections[4].binds", () -> "2");
		registry.add("sms.smpp.connections[4].tps", () -> "10");
		connection(registry, 5, "pair", PAIR.port());
		registry.add("sms.smpp.connections[5].bind-type", () -> "tx-rx");
		registry.add("sms.smpp.connections[5].address-range", () -> "4915*");
		registry.add("sms.smpp.connections[5].receipt-id-conversion", () -> "decimal-to-hex");
		connection(registry, 6, "early", EARLY.port());
		registry.add("sms.smpp.connections[6].concatenation", () -> "sar");
		connection(registry, 7, "payload", PAYLOAD.port());
		registry.add("sms.smpp.connections[7].concatenation", () -> "payload");
		registry.add("sms.smpp.connections[7].data-coding.latin1", () -> "3");
		registry.add("sms.smpp.connections[7].validity-period", () -> "2h");
		connection(registry, 8, "drop", DROPPING.port());
		connection(registry, 9, "flaky", FLAKY.port());
		registry.add("sms.smpp.connections[9].retry.max-attempts", () -> "10");
		registry.add("sms.smpp.connections[9].retry.initial-interval", () -> "20ms");
		registry.add("sms.smpp.connections[9].retry.multiplier", () -> "1.5");
		connection(registry, 10, "nack", NACKING.port());
		connection(registry, 11, "tls", SECURE.port());
		registry.add("sms.smpp.connections[11].tls.enabled", () -> "true");
		registry.add("sms.smpp.connections[11].tls.trust-store", TestKeyStores::selfSigned);
		registry.add("sms.smpp.connections[11].tls.trust-store-password", () -> TestKeyStores.PASSWORD);
		connection(registry, 12, "mo", MO.port());
		registry.add("sms.smpp.connections[12].mo-reassembly-timeout", () -> "2s");
		connection(registry, 13, "slow", SLOW.port());
		registry.add("sms.smpp.connections[13].response-timeout", () -> "500ms");
		connection(registry, 14, "queuefull", QUEUE_FULL.port());
		registry.add("sms.smpp.connections[14].throttle.retries", () -> "1");
		registry.add("sms.smpp.connections[14].throttle.retry-delay", () -> "50ms");
		connection(registry, 15, "nowhere", NOWHERE_PORT);
		connection(registry, 17, "cut", CUT.port());
		registry.add("sms.smpp.connections[17].tps", () -> "20");
		connection(registry, 18, "relay", RELAY.port());
		registry.add("sms.smpp.connections[18].tps", () -> "20");
		String rogue = "sms.smpp.connections[16].";
		registry.add(rogue + "id", () -> "rogue");
		registry.add(rogue + "host", () -> "127.0.0.1");
		registry.add(rogue + "port", ROGUE::port);
		registry.add(rogue + "system-id", () -> "rogue-user");
		registry.add(rogue + "password", () -> ROGUE_PASSWORD);
		registry.add(rogue + "window-size", () -> "10");
		registry.add(rogue + "enquire-link-interval", () -> "500ms");
		registry.add(rogue + "response-timeout", () -> "2s");
		registry.add(rogue + "reconnect.initial", () -> "100ms");
		registry.add(rogue + "reconnect.max", () -> "300ms");
	}

	/** A port nothing listens on: the "nowhere" connection never binds. */
	static final int NOWHERE_PORT = freePort();

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
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
		for (String id : new String[] { "main", "perm", "throttle", "pair", "early", "payload", "flaky", "nack",
				"tls", "mo", "slow", "queuefull" }) {
			awaitLinksUp(id, 1);
		}
		awaitLinksUp("paced", 2);
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
