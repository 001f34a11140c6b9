package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;
import io.smsgw.smpp.properties.SmppProperties;

/**
 * Graceful shutdown of dedicated connectors (built from properties as the service builds them,
 * closed as the service closes them) with submits in flight against a slow simulated SMSC:
 * every message in the window gets an outcome, and the SMSC sees an unbind.
 */
class SmppShutdownIT {

	private static final ConnectorEvents NO_EVENTS = new ConnectorEvents() {

		@Override
		public CompletionStage<Void> receipt(ReceiptReceived receipt) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletionStage<Void> inbound(InboundReceived inbound) {
			return CompletableFuture.completedFuture(null);
		}

	};

	@Test
	void shutdownWaitsForTheAnswersInFlightThenUnbinds() throws Exception {
		try (SmscSimulator smsc = SmscSimulator
			.start(SmscSimulatorConfig.defaults().withResponseDelay(Duration.ofMillis(800)))) {
			SmppConnectors connectors = connectors(smsc, "drain", Duration.ofSeconds(5));
			List<CompletableFuture<DispatchOutcome>> outcomes = dispatchInFlight(connectors, smsc, 10);
			long started = System.nanoTime();
			connectors.close();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closing waited for the answers")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isCompletedWithValueMatching(
					(o) -> o instanceof DispatchOutcome.Sent, "sent"));
			assertThat(smsc.acceptedSubmits()).hasSize(10);
			assertThat(smsc.unbindsReceived()).isEqualTo(1);
			assertThat(smsc.boundSessions()).isZero();
		}
	}

	@Test
	void shutdownHandsBackWhatIsStillUnansweredAfterTheDrainTimeout() throws Exception {
		try (SmscSimulator smsc = SmscSimulator
			.start(SmscSimulatorConfig.defaults().withResponseDelay(Duration.ofSeconds(4)))) {
			SmppConnectors connectors = connectors(smsc, "nodrain", Duration.ofMillis(300));
			List<CompletableFuture<DispatchOutcome>> outcomes = dispatchInFlight(connectors, smsc, 10);
			connectors.close();
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isCompletedWithValueMatching(
					(o) -> o instanceof DispatchOutcome.Requeue, "requeued"));
			assertThat(smsc.submits()).hasSize(10);
			assertThat(smsc.unbindsReceived()).isEqualTo(1);
			assertThat(smsc.boundSessions()).isZero();
		}
	}

	/** Dispatches {@code count} messages and returns once the SMSC holds all of them unanswered. */
	private static List<CompletableFuture<DispatchOutcome>> dispatchInFlight(SmppConnectors connectors,
			SmscSimulator smsc, int count) throws Exception {
		SmsConnector connector = connectors.connectors().get(0);
		long deadline = System.currentTimeMillis() + 10_000;
		while (connector.links().up() != 1) {
			assertThat(System.currentTimeMillis()).as("bind up in time").isLessThan(deadline);
			Thread.sleep(20);
		}
		List<CompletableFuture<DispatchOutcome>> outcomes = IntStream.range(0, count)
			.mapToObj((i) -> connector.dispatch(new DispatchRequest(UUID.randomUUID(), "tenant-1", connector.id(),
					"+4915100000090", "ACME", "In flight " + i, 1, Instant.now())).toCompletableFuture())
			.toList();
		smsc.awaitSubmits(count, Duration.ofSeconds(10));
		assertThat(outcomes).as("all still waiting for their answer").noneMatch(CompletableFuture::isDone);
		return outcomes;
	}

	private static SmppConnectors connectors(SmscSimulator smsc, String id, Duration drainTimeout) {
		String prefix = "sms.smpp.connections[0].";
		Map<String, String> settings = Map.of(prefix + "id", id, prefix + "host", "127.0.0.1", prefix + "port",
				String.valueOf(smsc.port()), prefix + "system-id", "smsc", prefix + "password", "secret",
				prefix + "response-timeout", "10s", prefix + "drain-timeout", drainTimeout.toMillis() + "ms");
		SmppProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bind("sms.smpp", SmppProperties.class)
			.get();
		SmppConnectors connectors = new SmppConnectors(properties, NO_EVENTS, new SimpleMeterRegistry(),
				Clock.systemUTC());
		connectors.start();
		return connectors;
	}

}
