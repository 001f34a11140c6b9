package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.simulator.smsc.SmscSimulator;

/** Per-connection settings against simulated SMSCs: binds, pace, concatenation, ids, TLS, drops. */
class SmppConnectionsIT extends SmppConnectorITSupport {

	@Test
	void pacedConnectionKeepsItsCapOverTwoBinds() {
		List<String> bodies = IntStream.range(0, 20).mapToObj((i) -> "Paced " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("paced", "+4915100000020", "ACME", bodies));
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 20, Duration.ofSeconds(30));
		List<ReceivedSubmit> submits = submitsTo(PACED, "4915100000020");
		assertThat(submits).hasSize(20).allMatch(ReceivedSubmit::accepted);
		Duration span = Duration.between(submits.stream().map(ReceivedSubmit::receivedAt).min(Comparator.naturalOrder()).orElseThrow(),
				submits.stream().map(ReceivedSubmit::receivedAt).max(Comparator.naturalOrder()).orElseThrow());
		assertThat(span).as("20 submits at 10/s take at least 19 intervals of 100 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1850))
			.isLessThan(Duration.ofSeconds(6));
		assertThat(PACED.boundSessions("TRX", "smsc")).isEqualTo(2);
		assertThat(connector("paced").links()).isEqualTo(new io.smsgw.common.connector.SmsConnector.LinkCount(2, 2));
	}

	@Test
	void txRxPairMatchesDecimalDataSmReceiptsToHexResponseIds() {
		assertThat(PAIR.bindsNow()).containsExactly("RX smsc 4915*", "TX smsc");
		List<String> bodies = IntStream.range(0, 20).mapToObj((i) -> "Pair " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("pair", "+4915100000021", "ACME", bodies));
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 20,
				Duration.ofSeconds(30));
		Set<String> networkIds = networkIds(sent);
		assertThat(networkIds).hasSize(20);
		assertThat(submitsTo(PAIR, "4915100000021")).extracting(ReceivedSubmit::receiptId)
			.allMatch((id) -> id.matches("\\d{10}"));
		List<ReceiptReceived> receipts = this.topics.await(ReceiptReceived.class,
				(r) -> "pair".equals(r.connectorId()) && networkIds.contains(r.networkMessageId()), 20,
				Duration.ofSeconds(30));
		assertThat(receipts).extracting(ReceiptReceived::networkMessageId)
			.containsExactlyInAnyOrderElementsOf(networkIds);
		assertThat(receipts).allSatisfy((r) -> assertThat(r.state()).isEqualTo(ReceiptState.DELIVERED));
		assertThat(this.topics.settle(ReceiptReceived.class,
				(r) -> "pair".equals(r.connectorId()) && !networkIds.contains(r.networkMessageId()),
				Duration.ofMillis(300)))
			.as("unmatched receipts").isEmpty();
	}

	@Test
	void receiptsBeforeResponsesStillMatchAndLongTextsGoWithSarTlvs() {
		List<DispatchRequest> requests = this.topics.dispatch("early", "+4915100000022", "ACME",
				List.of("early 1", "early 2", "early 3", "y".repeat(200)));
		Set<UUID> ids = ids(requests);
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 4,
				Duration.ofSeconds(30));
		Set<String> networkIds = networkIds(sent);
		assertThat(networkIds).hasSize(5);
		this.topics.await(ReceiptReceived.class,
				(r) -> "early".equals(r.connectorId()) && networkIds.contains(r.networkMessageId()), 5,
				Duration.ofSeconds(30));
		List<ReceivedSubmit> parts = submitsTo(EARLY, "4915100000022").stream().filter(ReceivedSubmit::hasSar).toList();
		assertThat(parts).hasSize(2).allSatisfy((p) -> {
			assertThat(p.esmClass()).isZero();
			assertThat(p.sarTotal()).isEqualTo(2);
			assertThat(p.udh()).isEmpty();
		});
		assertThat(parts).extracting(ReceivedSubmit::sarSequence).containsExactlyInAnyOrder(1, 2);
		assertThat(parts.stream().mapToInt((p) -> p.payload().length).sum()).isEqualTo(200);
	}

	@Test
	void payloadModeSendsLatin1TextInOneSubmitWithValidity() {
		String text = "Grüße aus Köln, señor! ".repeat(10);
		Set<UUID> ids = ids(this.topics.dispatch("payload", "+4915100000023", "ACME", List.of(text)));
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 1, Duration.ofSeconds(30));
		assertThat(submitsTo(PAYLOAD, "4915100000023")).singleElement().satisfies((s) -> {
			assertThat(s.dataCoding()).isEqualTo(3);
			assertThat(s.shortMessage()).isEmpty();
			assertThat(new String(s.messagePayload(), StandardCharsets.ISO_8859_1)).isEqualTo(text);
			assertThat(s.validityPeriod()).matches("\\d{12}000\\+");
		});
	}

	@Test
	void droppedConnectionMidWindowGivesEverythingBackAndLosesNothing() throws Exception {
		awaitLinksUp("drop", 1);
		DROPPING.dropConnectionAfter(5);
		List<String> bodies = IntStream.range(0, 30).mapToObj((i) -> "Drop " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("drop", "+4915100000024", "ACME", bodies));
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 30, Duration.ofSeconds(60));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(1));
		assertThat(sent).hasSize(30).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();
		List<ReceivedSubmit> submits = submitsTo(DROPPING, "4915100000024");
		assertThat(submits.stream().filter((s) -> s.commandStatus() == ReceivedSubmit.UNANSWERED)).hasSize(5);
		Set<String> acceptedTexts = submits.stream()
			.filter(ReceivedSubmit::accepted)
			.map((s) -> new String(s.payload(), StandardCharsets.ISO_8859_1))
			.collect(Collectors.toSet());
		assertThat(acceptedTexts).containsAll(bodies);
		assertThat(DROPPING.bindCount()).isGreaterThanOrEqualTo(2);
		awaitLinksUp("drop", 1);
	}

	@Test
	void transientErrorsAreRetriedWithBackoffUntilSent() {
		List<String> bodies = IntStream.range(0, 30).mapToObj((i) -> "Flaky " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("flaky", "+4915100000025", "ACME", bodies));
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 30,
				Duration.ofSeconds(60));
		assertThat(sent).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ofMillis(500)))
			.isEmpty();
		List<ReceivedSubmit> submits = submitsTo(FLAKY, "4915100000025");
		assertThat(submits.stream().filter(ReceivedSubmit::accepted)).hasSize(30);
		assertThat(submits.stream().filter((s) -> s.commandStatus() == 0x08)).as("ESME_RSYSERR answers").isNotEmpty();
	}

	@Test
	void genericNackIsAnAnswerWithItsStatus() {
		Set<UUID> ids = ids(this.topics.dispatch("nack", "+4915100000026", "ACME", List.of("n1", "n2")));
		List<DispatchFailed> failed = this.topics.await(DispatchFailed.class, (e) -> ids.contains(e.messageId()), 2,
				Duration.ofSeconds(30));
		assertThat(failed).allSatisfy((e) -> {
			assertThat(e.errorCode()).isEqualTo("0x0000000B");
			assertThat(e.retriable()).isFalse();
		});
	}

	@Test
	void tlsBindSendsAndReceivesReceipts() {
		List<String> bodies = IntStream.range(0, 5).mapToObj((i) -> "Secure " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("tls", "+4915100000027", "ACME", bodies));
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 5,
				Duration.ofSeconds(30));
		Set<String> networkIds = networkIds(sent);
		this.topics.await(ReceiptReceived.class,
				(r) -> "tls".equals(r.connectorId()) && networkIds.contains(r.networkMessageId()), 5,
				Duration.ofSeconds(30));
		assertThat(submitsTo(SECURE, "4915100000027")).hasSize(5);
	}

	private static List<ReceivedSubmit> submitsTo(SmscSimulator smsc, String digits) {
		return smsc.submits().stream().filter((s) -> s.destAddr().equals(digits)).toList();
	}

	private static Set<String> networkIds(List<MessageSent> sent) {
		return sent.stream()
			.flatMap((e) -> e.parts().stream())
			.map(MessageSent.SentPart::networkMessageId)
			.collect(Collectors.toSet());
	}

	private static Set<UUID> ids(List<DispatchRequest> requests) {
		return requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
	}

}
