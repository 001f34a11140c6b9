package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.smpp.submit.MessageIds;

/** Messages from the dispatch topic to the simulated SMSC and back as events. */
class SmppSubmitIT extends SmppConnectorITSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void longGsmMessageGoesAsTwoPartsWithConcatenationHeaders() throws Exception {
		String to = "+4915100000001";
		DispatchRequest request = this.topics.dispatch("main", to, "ACME", List.of("x".repeat(300))).get(0);
		MessageSent sent = this.topics.await(MessageSent.class, (e) -> e.messageId().equals(request.messageId()), 1,
				Duration.ofSeconds(30)).get(0);
		List<ReceivedSubmit> parts = submitsTo(to);
		assertThat(parts).hasSize(2).allSatisfy((part) -> {
			assertThat(part.dataCoding()).isZero();
			assertThat(part.esmClass() & 0x40).isEqualTo(0x40);
			assertThat(part.destAddr()).isEqualTo("4915100000001");
			assertThat(part.destTon()).isEqualTo(1);
			assertThat(part.destNpi()).isEqualTo(1);
			assertThat(part.sourceAddr()).isEqualTo("ACME");
			assertThat(part.sourceTon()).isEqualTo(5);
			assertThat(part.sourceNpi()).isZero();
			assertThat(part.registeredDelivery()).isEqualTo(1);
		});
		byte ref = (byte) MessageIds.concatenationReference(request.messageId());
		Set<List<Byte>> headers = parts.stream().map((p) -> boxed(p.udh())).collect(Collectors.toSet());
		assertThat(headers).containsExactlyInAnyOrder(boxed(new byte[] { 5, 0, 3, ref, 2, 1 }),
				boxed(new byte[] { 5, 0, 3, ref, 2, 2 }));
		assertThat(parts.stream().mapToInt((p) -> p.payload().length).sum()).isEqualTo(300);
		assertThat(sent.connectorId()).isEqualTo("main");
		assertThat(sent.parts()).extracting(MessageSent.SentPart::partNumber).containsExactly(1, 2);
		assertThat(sent.parts()).extracting(MessageSent.SentPart::networkMessageId)
			.containsExactlyInAnyOrderElementsOf(parts.stream().map(ReceivedSubmit::messageId).toList());
	}

	@Test
	void unicodeMessageGoesAsUcs2FromAnInternationalSender() throws Exception {
		String to = "+4915100000002";
		DispatchRequest request = this.topics.dispatch("main", to, "+4930123456", List.of("Grüße aus Köln, Привет!"))
			.get(0);
		this.topics.await(MessageSent.class, (e) -> e.messageId().equals(request.messageId()), 1,
				Duration.ofSeconds(30));
		assertThat(submitsTo(to)).singleElement().satisfies((part) -> {
			assertThat(part.dataCoding()).isEqualTo(8);
			assertThat(part.esmClass()).isZero();
			assertThat(new String(part.shortMessage(), java.nio.charset.StandardCharsets.UTF_16BE))
				.isEqualTo("Grüße aus Köln, Привет!");
			assertThat(part.sourceAddr()).isEqualTo("4930123456");
			assertThat(part.sourceTon()).isEqualTo(1);
			assertThat(part.sourceNpi()).isEqualTo(1);
		});
	}

	@Test
	void twoHundredMessagesAreSentAndReceiptedWithoutLoss() throws Exception {
		List<String> bodies = IntStream.range(0, 200).mapToObj((i) -> "Bulk message " + i).toList();
		List<DispatchRequest> requests = this.topics.dispatch("main", "+4915100000003", "ACME", bodies);
		Set<UUID> ids = requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 200,
				Duration.ofSeconds(60));
		assertThat(sent).extracting(MessageSent::messageId).doesNotHaveDuplicates().hasSize(200);
		Set<String> networkIds = sent.stream()
			.flatMap((e) -> e.parts().stream())
			.map(MessageSent.SentPart::networkMessageId)
			.collect(Collectors.toSet());
		assertThat(networkIds).hasSize(200);
		List<ReceiptReceived> receipts = this.topics.await(ReceiptReceived.class,
				(r) -> networkIds.contains(r.networkMessageId()), 200, Duration.ofSeconds(60));
		assertThat(receipts).extracting(ReceiptReceived::networkMessageId).containsExactlyInAnyOrderElementsOf(networkIds);
		assertThat(receipts).allSatisfy((r) -> {
			assertThat(r.connectorId()).isEqualTo("main");
			assertThat(r.state()).isEqualTo(ReceiptState.DELIVERED);
			assertThat(r.errorCode()).isEqualTo("000");
			assertThat(r.doneAt()).isNotNull();
			assertThat(r.raw()).startsWith("id:");
		});
		assertThat(MAIN.maxSubmitsInFlight()).as("submits in flight at once").isGreaterThan(1);
		assertThat(this.meters.get("smpp.submits").tags("connector", "main", "status", "0x00000000").counter().count())
			.isGreaterThanOrEqualTo(200);
		assertThat(this.meters.get("smpp.receipts").tags("connector", "main", "stat", "DELIVRD").counter().count())
			.isGreaterThanOrEqualTo(200);
		assertThat(this.meters.get("smpp.binds.up").tags("connector", "main").gauge().value()).isEqualTo(1.0);
		assertThat(this.meters.get("smpp.bind.up").tags("connector", "main").gauge().value()).isEqualTo(1.0);
		assertThat(this.meters.get("smpp.window.size").tags("connector", "main").gauge().value()).isEqualTo(50.0);
		assertThat(this.meters.get("smpp.submit.latency").tags("connector", "main").timer().count())
			.isGreaterThanOrEqualTo(200);
	}

	@Test
	void mobileOriginatedMessageIsPublished() {
		assertThat(MAIN.injectMo("+4915199999999", "12345", "Reply STOP")).isTrue();
		InboundReceived inbound = this.topics.await(InboundReceived.class,
				(e) -> e.from().equals("+4915199999999") && "main".equals(e.connectorId()), 1, Duration.ofSeconds(30))
			.get(0);
		assertThat(inbound.body()).isEqualTo("Reply STOP");
		assertThat(inbound.to()).isEqualTo("12345");
		assertThat(inbound.complete()).isTrue();
	}

	private static List<ReceivedSubmit> submitsTo(String e164) {
		String digits = e164.substring(1);
		return MAIN.submits().stream().filter((s) -> s.destAddr().equals(digits)).toList();
	}

	private static List<Byte> boxed(byte[] bytes) {
		List<Byte> list = new java.util.ArrayList<>();
		for (byte b : bytes) {
			list.add(b);
		}
		return Collections.unmodifiableList(list);
	}

}
