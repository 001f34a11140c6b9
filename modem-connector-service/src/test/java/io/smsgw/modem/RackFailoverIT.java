package io.smsgw.modem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.ModemSettings;
import io.smsgw.modem.rack.ModemState;
import io.smsgw.modem.rack.RackSettings;
import io.smsgw.modem.serial.JSerialCommOpener;
import io.smsgw.modem.sim.RecordingEvents;
import io.smsgw.simulator.modem.ModemSimulator;
import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Failover inside a rack of two simulated modems on socat pty pairs, through jSerialComm: one
 * modem fails (modem error, SIM removed, no signal, its port vanishing in the middle of a send)
 * and every message is still sent exactly once, by the other; the failed modem comes back.
 */
class RackFailoverIT {

	private static final int MESSAGES = 6;

	private final RecordingEvents events = new RecordingEvents();

	private SimulatedModemRack modems;

	private ModemRack rack;

	@BeforeEach
	void start() {
		assumeTrue(PtyPair.socatAvailable(), "socat is not installed");
		this.modems = SimulatedModemRack.start(2, null, Duration.ofMillis(500));
		RackSettings settings = new RackSettings("rack-failover",
				List.of(new ModemSettings("m1", this.modems.port(0), null, null, null, 100, null),
						new ModemSettings("m2", this.modems.port(1), null, null, null, 100, null)),
				null, false, null, null);
		this.rack = new ModemRack(settings, new JSerialCommOpener(Duration.ofMillis(50), Duration.ofSeconds(2)),
				RackOverPtyIT.TIMEOUTS, (rackId, modemId, outcome) -> {
				}, this.events, Clock.systemUTC());
		this.rack.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.rack.links().up() == 2);
	}

	@AfterEach
	void stop() {
		if (this.rack != null) {
			this.rack.close();
		}
		if (this.modems != null) {
			this.modems.close();
		}
	}

	@Test
	void movesMessagesOffAModemThatAnswersAModemError() {
		this.modems.modem(0).answerNextSend("+CMS ERROR: 330");

		sendAllExactlyOnce("cms");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.rack.links().up() == 2);
	}

	@Test
	void movesMessagesOffAModemWhoseSimWasRemovedAndTakesItBack() {
		this.modems.modem(0).simRemoved(true);

		sendAllExactlyOnce("sim");

		assertThat(this.modems.modem(0).submits()).isEmpty();
		assertThat(this.rack.modemStates().get("m1")).isEqualTo(ModemState.DOWN);
		this.modems.modem(0).simRemoved(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.rack.links().up() == 2);
	}

	@Test
	void leavesOutAModemWithoutSignalUntilItIsRegisteredAgain() {
		this.modems.modem(0).noSignal(true);

		sendAllExactlyOnce("signal");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.rack.modemStates().get("m1") == ModemState.NO_SERVICE);
		assertThat(this.rack.health().get(0).signalDbm()).isNaN();
		assertThat(this.modems.modem(0).submits()).isEmpty();
		this.modems.modem(0).noSignal(false);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.rack.modemStates().get("m1") == ModemState.READY);
		assertThat(this.rack.health().get(0).signalDbm()).isEqualTo(-71.0);
	}

	@Test
	void movesMessagesOffAModemWhosePortVanishesMidSendAndReopensItWhenPluggedBack() {
		this.modems.modem(0).vanishOnNextSend();

		sendAllExactlyOnce("replug");

		// the port comes back at the same path; the connector opens and initialises it again
		await().atMost(Duration.ofSeconds(10)).until(() -> this.rack.links().up() == 2);
		assertThat(this.modems.modem(0).commands()).filteredOn("AT+CMGF=0"::equals).hasSize(2);
		List<String> sentAfter = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sentAfter.add(((DispatchOutcome.Sent) dispatch("after " + i).join()).parts().get(0).networkMessageId());
		}
		assertThat(sentAfter).anyMatch((id) -> id.startsWith("m1:"));
	}

	private void sendAllExactlyOnce(String label) {
		List<CompletableFuture<DispatchOutcome>> outcomes = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			texts.add(label + " message " + i);
			outcomes.add(dispatch(texts.get(i)));
		}
		outcomes.forEach((outcome) -> assertThat(outcome.join()).isInstanceOf(DispatchOutcome.Sent.class));
		List<String> sent = new ArrayList<>();
		Consumer<ModemSimulator> collect = (modem) -> modem.submits().stream().map(Submit::text).forEach(sent::add);
		collect.accept(this.modems.modem(0));
		collect.accept(this.modems.modem(1));
		assertThat(sent).containsExactlyInAnyOrderElementsOf(texts);
	}

	private CompletableFuture<DispatchOutcome> dispatch(String body) {
		DispatchRequest request = new DispatchRequest(UUID.randomUUID(), "tenant", "rack-failover", "+4915123456789",
				"Gateway", body, 1, Instant.now());
		return this.rack.dispatch(request).toCompletableFuture();
	}

}
