package io.smsgw.modem.rack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector.LinkCount;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.sim.LoopbackLink;
import io.smsgw.modem.sim.RecordingEvents;
import io.smsgw.simulator.modem.ModemSimulator;
import io.smsgw.simulator.modem.SubmitPduDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rack of simulated modems: what dispatch answers for what the modems say.
 */
class ModemRackTests {

	private static final RackTimeouts TIMEOUTS = new RackTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500),
			Duration.ofSeconds(5), Duration.ofMillis(100));

	private final Map<String, ModemSimulator> simulated = new ConcurrentHashMap<>();

	private final List<String> opened = new CopyOnWriteArrayList<>();

	private final List<DispatchOutcome> observed = new CopyOnWriteArrayList<>();

	private final SerialLink.Opener opener = (port, baud) -> {
		this.opened.add(port);
		ModemSimulator modem = this.simulated.get(port);
		if (modem == null) {
			throw new IOException("No such port " + port);
		}
		return new LoopbackLink(port, modem);
	};

	private final RecordingEvents events = new RecordingEvents();

	private ModemRack rack;

	@AfterEach
	void close() {
		if (this.rack != null) {
			this.rack.close();
		}
	}

	@Test
	void answersTheModemIdAndMessageReferenceOfEveryPart() {
		ModemSimulator modem = modem("/dev/ttyA", null, 12);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));

		DispatchOutcome single = dispatch("hello");
		DispatchOutcome twoParts = dispatch("x".repeat(200));

		assertThat(single).isEqualTo(new DispatchOutcome.Sent(List.of(new SentPart(1, "m1:12"))));
		assertThat(twoParts)
			.isEqualTo(new DispatchOutcome.Sent(List.of(new SentPart(1, "m1:13"), new SentPart(2, "m1:14"))));
		assertThat(modem.pdus()).extracting((pdu) -> SubmitPduDecoder.decode(pdu).text())
			.containsExactly("hello", "x".repeat(153), "x".repeat(47));
		assertThat(this.observed).hasSize(2);
	}

	@Test
	void sortsNetworkErrorsIntoRetriableAndPermanent() {
		ModemSimulator modem = modem("/dev/ttyA", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));
		modem.answerNextSend("+CMS ERROR: 38");
		modem.answerNextSend("+CMS ERROR: 21");

		assertThat(dispatch("a")).isEqualTo(new DispatchOutcome.Failed("CMS:38", "network out of order", true));
		assertThat(dispatch("b"))
			.isEqualTo(new DispatchOutcome.Failed("CMS:21", "short message transfer rejected", false));
		assertThat(this.rack.links()).isEqualTo(new LinkCount(1, 1));
	}

	@Test
	void takesAModemDownWhenItsSimIsAtFault() {
		ModemSimulator modem = modem("/dev/ttyA", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));
		modem.answerNextSend("+CMS ERROR: 310");

		assertThat(dispatch("a")).isEqualTo(new DispatchOutcome.Failed("CMS:310", "SIM not inserted", true));
		// it was taken down, initialised again, and sends
		await().atMost(Duration.ofSeconds(5))
			.until(() -> modem.commands().stream().filter("AT+CMGF=0"::equals).count() == 2);
		awaitUp(1);
		assertThat(dispatch("b")).isInstanceOf(DispatchOutcome.Sent.class);
	}

	@Test
	void givesTheMessageBackWhenTheModemDoesNotAnswer() {
		ModemSimulator modem = modem("/dev/ttyA", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));
		modem.answerNextSend(ModemSimulator.SILENT);

		assertThat(dispatch("a")).isInstanceOf(DispatchOutcome.Requeue.class);
		awaitUp(1);
		assertThat(dispatch("b")).isInstanceOf(DispatchOutcome.Sent.class);
	}

	@Test
	void neverReportsSentWithoutTheMessageReference() {
		ModemSimulator modem = modem("/dev/ttyA", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));
		modem.answerNextSend(ModemSimulator.OK_ONLY);

		assertThat(dispatch("a")).isInstanceOf(DispatchOutcome.Requeue.class);
	}

	@Test
	void givesTheMessageBackWhenNoModemIsUp() {
		startRack(new ModemSettings("m1", "/dev/missing", null, null, null, null, null));
		await().until(() -> this.opened.size() >= 2);

		assertThat(dispatch("a")).isInstanceOf(DispatchOutcome.Requeue.class);
		assertThat(this.rack.links()).isEqualTo(new LinkCount(0, 1));
	}

	@Test
	void sendsWithinEachModemsRateAndSharesTheLoad() {
		modem("/dev/ttyA", null, 1);
		modem("/dev/ttyB", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, 1, null),
				new ModemSettings("m2", "/dev/ttyB", null, null, null, 1, null));
		awaitUp(2);

		DispatchOutcome first = dispatch("a");
		DispatchOutcome second = dispatch("b");
		DispatchOutcome third = dispatch("c");

		assertThat(List.of(first, second)).allSatisfy(
				(outcome) -> assertThat(outcome).isInstanceOf(DispatchOutcome.Sent.class));
		assertThat(List.of(first, second))
			.extracting((outcome) -> ((DispatchOutcome.Sent) outcome).parts().get(0).networkMessageId())
			.containsExactlyInAnyOrder("m1:1", "m2:1");
		assertThat(third).isInstanceOf(DispatchOutcome.Requeue.class);
	}

	@Test
	void entersThePinAndDisablesAModemWhoseSimRefusesIt() {
		ModemSimulator good = modem("/dev/ttyA", "1234", 1);
		ModemSimulator locked = modem("/dev/ttyB", "1234", 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, "1234", null, null, null),
				new ModemSettings("m2", "/dev/ttyB", null, "0000", null, null, null));

		awaitUp(1);
		await().until(() -> this.rack.modemStates().get("m2") == ModemState.DISABLED);
		// several reconnect intervals pass; the refused PIN is not tried again
		sleep(400);

		assertThat(good.commands()).contains("AT+CPIN=\"1234\"", "AT+CMGF=0");
		assertThat(locked.commands()).filteredOn((command) -> command.startsWith("AT+CPIN=")).hasSize(1);
		assertThat(this.rack.links()).isEqualTo(new LinkCount(1, 2));
	}

	@Test
	void refusesAMessageItCannotEncodeForGood() {
		modem("/dev/ttyA", null, 1);
		startRack(new ModemSettings("m1", "/dev/ttyA", null, null, null, null, null));

		DispatchOutcome outcome = this.rack.dispatch(request("not-a-number", "hi")).toCompletableFuture().join();

		assertThat(outcome).isInstanceOfSatisfying(DispatchOutcome.Failed.class, (failed) -> {
			assertThat(failed.errorCode()).isEqualTo("INVALID_MESSAGE");
			assertThat(failed.retriable()).isFalse();
		});
	}

	private ModemSimulator modem(String port, String pin, int firstReference) {
		ModemSimulator modem = new ModemSimulator(pin, firstReference);
		this.simulated.put(port, modem);
		return modem;
	}

	private void startRack(ModemSettings... modems) {
		RackSettings settings = new RackSettings("rack1", List.of(modems), null, null, null, null);
		this.rack = new ModemRack(settings, this.opener, TIMEOUTS,
				(rackId, modemId, outcome) -> this.observed.add(outcome), this.events, Clock.systemUTC());
		this.rack.start();
		if (settings.modems().stream().anyMatch((modem) -> this.simulated.containsKey(modem.port()))) {
			awaitUp(1);
		}
	}

	private void awaitUp(int up) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.rack.links().up() >= up);
	}

	private DispatchOutcome dispatch(String body) {
		return this.rack.dispatch(request("+46708251358", body)).toCompletableFuture().join();
	}

	private static DispatchRequest request(String to, String body) {
		return new DispatchRequest(UUID.randomUUID(), "tenant", "rack1", to, "Gateway", body, 1, Instant.now());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
