package io.smsgw.modem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.ModemSettings;
import io.smsgw.modem.rack.ModemState;
import io.smsgw.modem.rack.RackSettings;
import io.smsgw.modem.rack.RackTimeouts;
import io.smsgw.modem.serial.JSerialCommOpener;
import io.smsgw.modem.sim.RecordingEvents;
import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real rack over jSerialComm against two simulated modems, each on its own socat pty pair:
 * sending, status reports and inbound messages. Failover is in {@link RackFailoverIT}.
 */
class RackOverPtyIT {

	static final RackTimeouts TIMEOUTS = new RackTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
			Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(30));

	private final RecordingEvents events = new RecordingEvents();

	private SimulatedModemRack modems;

	private ModemRack rack;

	@BeforeEach
	void start() {
		assumeTrue(PtyPair.socatAvailable(), "socat is not installed");
		this.modems = SimulatedModemRack.start(2, "2468", Duration.ofMillis(300));
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
	void sendsSingleAndConcatenatedMessagesInGsm7AndUcs2() {
		startRack();
		String longGsm = "Your parcel 4711 arrives tomorrow between 10:00 and 12:00. ".repeat(3) + "Reply STOP {now}.";
		String longUcs2 = "Привет! Ваша посылка 4711 прибудет завтра между 10:00 и 12:00. Ответьте СТОП.";

		List<DispatchOutcome> outcomes = List.of(dispatch("Hello over a real pty"), dispatch(longGsm),
				dispatch("Grüße, 東京"), dispatch(longUcs2));

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(DispatchOutcome.Sent.class));
		List<Submit> submits = submits();
		assertThat(submits).hasSize(1 + 2 + 1 + 2);
		assertThat(submits).allSatisfy((submit) -> {
			assertThat(submit.destination()).isEqualTo("+4915123456789");
			assertThat(submit.statusReportRequested()).isTrue();
		});
		Submit single = find(submits, "Hello over a real pty");
		assertThat(single.dcs()).isEqualTo(0x00);
		assertThat(single.udh()).isEmpty();
		assertThat(find(submits, "Grüße, 東京").dcs()).isEqualTo(0x08);
		assertConcatenated(submits, longGsm, 0x00);
		assertConcatenated(submits, longUcs2, 0x08);
	}

	@Test
	void correlatesStatusReportsWithThePartsSent() {
		this.modems.modem(0).statusReports(true, 0x00, Duration.ofMillis(100));
		this.modems.modem(1).statusReports(true, 0x46, Duration.ofMillis(100));
		startRack();

		List<SentPart> parts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			parts.addAll(((DispatchOutcome.Sent) dispatch("report " + i)).parts());
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> this.events.receipts().size() == 4);
		assertThat(this.events.receipts()).extracting(ReceiptReceived::networkMessageId)
			.containsExactlyInAnyOrderElementsOf(parts.stream().map(SentPart::networkMessageId).toList());
		assertThat(this.events.receipts()).allSatisfy((receipt) -> {
			assertThat(receipt.connectorId()).isEqualTo("rack-pty");
			assertThat(receipt.state()).isEqualTo(receipt.networkMessageId().startsWith("m1:") ? ReceiptState.DELIVERED
					: ReceiptState.EXPIRED);
			assertThat(receipt.doneAt()).isNotNull();
		});
		await().untilAsserted(() -> assertThat(this.modems.modem(0).stored() + this.modems.modem(1).stored()).isZero());
	}

	@Test
	void readsInboundMessagesOnceEachAlsoConcatenatedMidSendAndStoredWhileDown() {
		String stored = "Sent while the gateway was down";
		this.modems.modem(1).storeSilently("+4917011122233", stored);
		startRack();
		String concatenated = "A long reply that takes two parts because it has more than one hundred and sixty "
				+ "characters in it, which is what a single GSM-7 message can hold. Thanks!";

		this.modems.modem(0).receive("+4915112345678", "STOP");
		this.modems.modem(0).receive("ACME Bank", concatenated);
		this.modems.modem(0).receiveDuringNextSend("+4915199999999", "Mid-send hello");
		this.modems.modem(1).receiveDuringNextSend("+4915199999999", "Mid-send hello");
		dispatch("one");
		dispatch("two");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.events.inbound().size() >= 5);
		sleep(1000); // probes drain the storage meanwhile: nothing comes twice
		assertThat(this.events.inbound()).extracting(InboundReceived::body)
			.containsExactlyInAnyOrder(stored, "STOP", concatenated, "Mid-send hello", "Mid-send hello");
		InboundReceived named = this.events.inbound().stream().filter((m) -> m.from().equals("ACME Bank")).findFirst().orElseThrow();
		assertThat(named.complete()).isTrue();
		assertThat(named.to()).isEqualTo("+447700900001");
		assertThat(this.events.inbound()).extracting(InboundReceived::inboundId).doesNotHaveDuplicates();
		assertThat(this.modems.modem(0).stored() + this.modems.modem(1).stored()).isZero();
	}

	@Test
	void leavesMessagesInStorageWhileTheyCannotBePublished() {
		this.events.refusing(true);
		startRack();

		this.modems.modem(0).receive("+4915112345678", "kept");
		sleep(800);
		assertThat(this.modems.modem(0).stored()).isEqualTo(1);
		this.events.refusing(false);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.inbound().size() == 1);
		await().until(() -> this.modems.modem(0).stored() == 0);
		assertThat(this.events.inbound().get(0).body()).isEqualTo("kept");
	}

	private void assertConcatenated(List<Submit> submits, String text, int dcs) {
		List<Submit> parts = submits.stream()
			.filter((submit) -> submit.concatenation() != null && text.startsWith(submit.text().substring(0, 10)))
			.toList();
		// the reference comes from the message id (8 bits): the two long messages of a test share it
		// once in 256 runs, so the set is the parts with this reference in this message's encoding
		List<Submit> set = submits.stream()
			.filter((submit) -> submit.concatenation() != null && submit.dcs() == dcs
					&& submit.concatenation().reference() == parts.get(0).concatenation().reference())
			.toList();
		assertThat(set).hasSize(2);
		assertThat(set).allSatisfy((part) -> {
			assertThat(part.dcs()).isEqualTo(dcs);
			assertThat(part.concatenation().total()).isEqualTo(2);
			assertThat(part.udh()).startsWith("050003");
		});
		assertThat(set).extracting((part) -> part.concatenation().sequence()).containsExactly(1, 2);
		assertThat(set.get(0).text() + set.get(1).text()).isEqualTo(text);
	}

	private static Submit find(List<Submit> submits, String text) {
		return submits.stream().filter((submit) -> submit.text().equals(text)).findFirst().orElseThrow();
	}

	private List<Submit> submits() {
		List<Submit> all = new ArrayList<>(this.modems.modem(0).submits());
		all.addAll(this.modems.modem(1).submits());
		return all;
	}

	private void startRack() {
		RackSettings settings = new RackSettings("rack-pty", List.of(
				new ModemSettings("m1", this.modems.port(0), null, "2468", null, 100, "+447700900001"),
				new ModemSettings("m2", this.modems.port(1), null, "2468", null, 100, "+447700900002")),
				null, null, null, null);
		this.rack = new ModemRack(settings, new JSerialCommOpener(Duration.ofMillis(50), Duration.ofSeconds(2)), TIMEOUTS,
				(rackId, modemId, outcome) -> {
				}, this.events, Clock.systemUTC());
		this.rack.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.rack.links().up() == 2);
		assertThat(this.rack.modemStates()).containsValues(ModemState.READY, ModemState.READY);
	}

	DispatchOutcome dispatch(String body) {
		return dispatchAsync(body).join();
	}

	CompletableFuture<DispatchOutcome> dispatchAsync(String body) {
		DispatchRequest request = new DispatchRequest(UUID.randomUUID(), "tenant", "rack-pty", "+4915123456789",
				"Gateway", body, 1, Instant.now());
		return this.rack.dispatch(request).toCompletableFuture();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
