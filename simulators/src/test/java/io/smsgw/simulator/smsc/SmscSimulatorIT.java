package io.smsgw.simulator.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.cloudhopper.commons.util.windowing.WindowFuture;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.SmppBindException;

import io.smsgw.common.codec.GsmAlphabet;

/** The simulator over real TCP, driven by a plain Cloudhopper client. */
class SmscSimulatorIT {

	private static final byte[] HELLO = "Hello from the test".getBytes(StandardCharsets.US_ASCII);

	@Test
	void refusesWrongPasswordWithInvalidPassword() {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults());
				SmppTestClient client = new SmppTestClient()) {
			assertThat(smsc.port()).isPositive();
			assertThatThrownBy(() -> client.bind(smsc.port(), "smsc", "wrong", SmppBindType.TRANSCEIVER, 1))
				.isInstanceOfSatisfying(SmppBindException.class, (ex) -> assertThat(
						ex.getBindResponse().getCommandStatus()).isEqualTo(SmppConstants.STATUS_INVPASWD));
			assertThat(smsc.bindCount()).isZero();
		}
	}

	@Test
	void answersSubmitsWithUniqueIdsAndSendsReceipts() throws Exception {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withReceipts(Duration.ofMillis(50), "DELIVRD", true));
				SmppTestClient client = new SmppTestClient()) {
			SmppSession session = client.bind(smsc.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 10);
			Set<String> ids = new HashSet<>();
			for (int i = 0; i < 5; i++) {
				SubmitSmResp resp = session.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 1), 5000);
				assertThat(resp.getCommandStatus()).isZero();
				ids.add(resp.getMessageId());
			}
			SubmitSmResp noReceipt = session.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 0), 5000);
			assertThat(ids).hasSize(5).allMatch((id) -> id.matches("[0-9a-f]+"));
			List<ReceivedSubmit> submits = smsc.awaitSubmits(6, Duration.ofSeconds(5));
			assertThat(submits.get(0).destAddr()).isEqualTo("4915112345678");
			assertThat(submits.get(0).sourceTon()).isEqualTo(5);
			assertThat(submits.get(0).destTon()).isEqualTo(1);
			assertThat(submits.get(0).shortMessage()).isEqualTo(HELLO);
			awaitTrue(() -> client.delivered.size() >= 5 && smsc.deliverResponsesReceived() >= 5);
			Thread.sleep(200);
			assertThat(client.delivered).hasSize(5);
			assertThat(smsc.receiptsSent()).isEqualTo(5);
			DeliverSm receipt = client.delivered.get(0);
			String text = new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1);
			assertThat(receipt.getEsmClass()).isEqualTo((byte) 0x04);
			assertThat(text).matches("id:[0-9a-f]+ sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} "
					+ "stat:DELIVRD err:000 text:Hello from the test");
			String tlvId = receipt.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID).getValueAsString();
			assertThat(ids).contains(tlvId).doesNotContain(noReceipt.getMessageId());
			assertThat(text).startsWith("id:" + tlvId + " ");
			assertThat(receipt.getOptionalParameter(SmppConstants.TAG_MSG_STATE).getValueAsByte()).isEqualTo((byte) 2);
		}
	}

	@Test
	void answersConfiguredFailuresAndThrottling() throws Exception {
		try (SmscSimulator failing = SmscSimulator.start(SmscSimulatorConfig.defaults().withFailures(1.0, 0x0B));
				SmscSimulator throttling = SmscSimulator.start(SmscSimulatorConfig.defaults().withThrottleShare(1.0));
				SmppTestClient client = new SmppTestClient()) {
			SmppSession a = client.bind(failing.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 1);
			SmppSession b = client.bind(throttling.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 1);
			assertThat(a.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 1), 5000).getCommandStatus())
				.isEqualTo(0x0B);
			assertThat(b.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 1), 5000).getCommandStatus())
				.isEqualTo(0x58);
			assertThat(failing.submits()).singleElement().satisfies((s) -> {
				assertThat(s.accepted()).isFalse();
				assertThat(s.messageId()).isNull();
			});
			Thread.sleep(300);
			assertThat(failing.receiptsSent() + throttling.receiptsSent()).isZero();
		}
	}

	@Test
	void keepsManySubmitsInFlightWhenResponsesAreDelayed() throws Exception {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withResponseDelay(Duration.ofMillis(100))
			.withIdFormat(MessageIdFormat.DECIMAL)); SmppTestClient client = new SmppTestClient()) {
			SmppSession session = client.bind(smsc.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 20);
			List<WindowFuture<Integer, PduRequest, PduResponse>> futures = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				futures.add(session.sendRequestPdu(SmppTestClient.submit("ACME", "4915112345678", HELLO, 0), 5000,
						true));
			}
			Set<String> ids = new HashSet<>();
			for (WindowFuture<Integer, PduRequest, PduResponse> future : futures) {
				assertThat(future.await(5000)).isTrue();
				ids.add(((SubmitSmResp) future.getResponse()).getMessageId());
			}
			assertThat(ids).hasSize(20).allMatch((id) -> id.matches("\\d{10}"));
			assertThat(smsc.maxSubmitsInFlight()).isGreaterThan(1);
		}
	}

	@Test
	void injectsMobileOriginatedMessagesAndFreesItsPortOnClose() throws Exception {
		int port;
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults());
				SmppTestClient client = new SmppTestClient()) {
			port = smsc.port();
			assertThat(smsc.injectMo("+4915112345678", "12345", "hi")).isFalse();
			client.bind(port, "smsc", "secret", SmppBindType.RECEIVER, 1);
			assertThat(smsc.injectMo("+4915112345678", "12345", "Hello @ home")).isTrue();
			awaitTrue(() -> client.delivered.size() == 1);
			DeliverSm mo = client.delivered.get(0);
			assertThat(mo.getEsmClass()).isZero();
			assertThat(mo.getDataCoding()).isZero();
			assertThat(mo.getSourceAddress().getAddress()).isEqualTo("4915112345678");
			assertThat(mo.getDestAddress().getAddress()).isEqualTo("12345");
			assertThat(GsmAlphabet.decode(mo.getShortMessage(), 0, mo.getShortMessage().length))
				.isEqualTo("Hello @ home");
		}
		try (SmscSimulator again = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(port))) {
			assertThat(again.port()).isEqualTo(port);
		}
	}

	static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!condition.getAsBoolean()) {
			assertThat(System.currentTimeMillis()).as("condition within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
