package io.smsgw.simulator.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.pdu.DeliverSm;

import static io.smsgw.simulator.smsc.SmscSimulatorIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deliver_sm whose deliver_sm_resp never came because the link was cut is sent again when the
 * account binds again, like a real SMSC does, up to a bound; a receipt that falls due while the
 * account is not bound waits for its next bind.
 */
class UnackedDeliveryIT {

	static final byte[] HELLO = "Hello from the test".getBytes(StandardCharsets.ISO_8859_1);

	@Test
	void receiptNotAcknowledgedBeforeTheLinkWasCutIsSentAgainOnTheNextBind() throws Exception {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withReceipts(Duration.ofMillis(50), "DELIVRD", true));
				SmppTestClient cut = new SmppTestClient();
				SmppTestClient next = new SmppTestClient()) {
			cut.silent = true;
			SmppSession first = cut.bind(smsc.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 10);
			String id = first.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 1), 5000).getMessageId();
			awaitTrue(() -> cut.delivered.size() == 1);
			first.close();
			awaitTrue(() -> smsc.boundSessions() == 0 && smsc.deliverSmWaiting() == 1);

			next.bind(smsc.port(), "smsc", "secret", SmppBindType.RECEIVER, 10);

			awaitTrue(() -> smsc.deliverResponsesReceived() == 1);
			Thread.sleep(300);
			assertThat(next.delivered).singleElement().satisfies((receipt) -> {
				assertThat(receipt.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID).getValueAsString())
					.isEqualTo(id);
				assertThat(new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1))
					.startsWith("id:" + id + " ").contains("stat:DELIVRD");
			});
			assertThat(smsc.receiptsSent()).as("a redelivery is not a new receipt").isEqualTo(1);
			assertThat(smsc.deliverSmRedelivered()).isEqualTo(1);
			assertThat(smsc.deliverSmWaiting()).isZero();
		}
	}

	@Test
	void receiptDueWhileNoReceiverIsBoundWaitsForTheNextBindAndIsCountedOnce() throws Exception {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withReceipts(Duration.ofMillis(200), "DELIVRD", true));
				SmppTestClient transmitter = new SmppTestClient();
				SmppTestClient receiver = new SmppTestClient()) {
			SmppSession tx = transmitter.bind(smsc.port(), "smsc", "secret", SmppBindType.TRANSMITTER, 10);
			String id = tx.submit(SmppTestClient.submit("ACME", "4915112345678", HELLO, 1), 5000).getMessageId();
			tx.close();
			// the receipt falls due while nobody can take it: it waits (it used to be polled for
			// 60 s and then dropped, so an SMSC outage of a minute lost the receipts due in it)
			awaitTrue(() -> smsc.deliverSmWaiting() == 1);
			Thread.sleep(1000);
			assertThat(smsc.receiptsSent()).as("not written to anyone yet").isZero();
			assertThat(smsc.deliverSmWaiting()).isEqualTo(1);

			receiver.bind(smsc.port(), "smsc", "secret", SmppBindType.RECEIVER, 10);

			awaitTrue(() -> smsc.deliverResponsesReceived() == 1);
			assertThat(receiver.delivered).singleElement()
				.satisfies((receipt) -> assertThat(
						receipt.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID).getValueAsString())
					.isEqualTo(id));
			assertThat(smsc.receiptsSent()).isEqualTo(1);
			assertThat(smsc.deliverSmRedelivered()).as("a first send, not a redelivery").isZero();
			assertThat(smsc.deliverSmWaiting()).isZero();
		}
	}

	@Test
	void mobileOriginatedMessageIsKeptUntilAcknowledgedAndGivenUpAfterTheBound() throws Exception {
		try (SmscSimulator smsc = SmscSimulator.start(SmscSimulatorConfig.defaults())) {
			try (SmppTestClient cut = new SmppTestClient()) {
				cut.silent = true;
				SmppSession session = cut.bind(smsc.port(), "smsc", "secret", SmppBindType.RECEIVER, 1);
				assertThat(smsc.injectMo("+4915112345678", "12345", "hi")).isTrue();
				for (int bind = 1; bind <= UnackedDeliveries.MAX_REDELIVERIES; bind++) {
					int seen = bind;
					awaitTrue(() -> cut.delivered.size() == seen);
					session.close();
					awaitTrue(() -> smsc.boundSessions() == 0 && smsc.deliverSmWaiting() == 1);
					session = cut.bind(smsc.port(), "smsc", "secret", SmppBindType.RECEIVER, 1);
				}
				int last = UnackedDeliveries.MAX_REDELIVERIES + 1;
				awaitTrue(() -> cut.delivered.size() == last);
				session.close();
				awaitTrue(() -> smsc.boundSessions() == 0);
			}
			try (SmppTestClient next = new SmppTestClient()) {
				next.bind(smsc.port(), "smsc", "secret", SmppBindType.TRANSCEIVER, 1);
				Thread.sleep(500);
				assertThat(next.delivered).as("given up after %d redeliveries", UnackedDeliveries.MAX_REDELIVERIES)
					.isEmpty();
				assertThat(smsc.deliverSmRedelivered()).isEqualTo(UnackedDeliveries.MAX_REDELIVERIES);
				assertThat(smsc.deliverSmWaiting()).isZero();
				assertThat(smsc.injectMo("+4915112345678", "12345", "again")).isTrue();
				awaitTrue(() -> next.delivered.size() == 1 && smsc.deliverResponsesReceived() == 1);
				DeliverSm mo = next.delivered.get(0);
				assertThat(mo.getSourceAddress().getAddress()).isEqualTo("4915112345678");
			}
		}
	}

}
