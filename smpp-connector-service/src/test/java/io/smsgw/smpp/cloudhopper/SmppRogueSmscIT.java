package io.smsgw.smpp.cloudhopper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.smpp.cloudhopper.RogueSmsc.Received;

import static io.smsgw.smpp.cloudhopper.RogueSmsc.body;
import static io.smsgw.smpp.cloudhopper.RogueSmsc.pdu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMSC that misbehaves on raw TCP: unknown commands, responses to nothing, unreadable and
 * garbage deliver_sm, impossible command_length values and random bytes. The connector answers
 * what SMPP requires, logs a clear line without the bind password, binds again when the stream
 * cannot be framed any more, and keeps sending: every message in flight is sent exactly once.
 */
class SmppRogueSmscIT extends SmppConnectorITSupport {

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@BeforeEach
	void rogueUp() throws InterruptedException {
		this.logs.start();
		root().addAppender(this.logs);
		ROGUE.holdSubmitResponses(false);
		awaitLinksUp("rogue", 1);
	}

	@AfterEach
	void noPasswordInTheLogs() {
		root().detachAppender(this.logs);
		assertThat(ROGUE.bindPasswords()).as("the password is really in use").contains(ROGUE_PASSWORD);
		assertThat(lines()).noneMatch((line) -> line.contains(ROGUE_PASSWORD));
	}

	@Test
	void unknownCommandsAndStrayResponsesAreAnsweredOrIgnoredOnTheSameBind() throws Exception {
		int binds = ROGUE.connections();
		ROGUE.inject(pdu(null, 0x00000777, 0, 4242, new byte[0]));
		ROGUE.inject(pdu(null, 0x80000004, 0, 98765, body("ghost")));
		ROGUE.inject(pdu(null, 0x80000777, 0, 4243, new byte[0]));

		await(() -> ROGUE.received().stream().anyMatch((r) -> r.sequence() == 4242));
		Received nack = ROGUE.received().stream().filter((r) -> r.sequence() == 4242).findFirst().orElseThrow();
		assertThat(nack.commandId()).as("generic_nack").isEqualTo(RogueSmsc.GENERIC_NACK);
		assertThat(nack.status()).as("ESME_RINVCMDID").isEqualTo(0x03);
		assertThat(ROGUE.received()).noneMatch((r) -> r.sequence() == 4243 || r.sequence() == 98765);
		await(() -> lines().stream().anyMatch((l) -> l.contains("rogue") && l.contains("answers no request")));
		assertThat(lines()).anyMatch((l) -> l.contains("rogue") && l.contains("unreadable PDU"));

		sendExactlyOnce(List.of("after unknown"));
		assertThat(ROGUE.connections()).as("no reconnect needed").isEqualTo(binds);
	}

	@Test
	void unreadableAndGarbageDeliverSmAreAnsweredAndTheBindStays() throws Exception {
		int binds = ROGUE.connections();
		ROGUE.inject(pdu(null, RogueSmsc.DELIVER_SM, 0, 5001, body("", 1, 1, new byte[] { '4', '9' })));
		String garbage = "id:%%%%%%% sub:?? stat:@@@@ " + UUID.randomUUID();
		byte[] text = garbage.getBytes(StandardCharsets.ISO_8859_1);
		ROGUE.inject(pdu(null, RogueSmsc.DELIVER_SM, 0, 5002, body("", 1, 1, "4915100000099", 5, 0, "ROGUE", 0x04, 0,
				0, "", "", 0, 0, 0, 0, text.length, text)));

		await(() -> answered(5001) != null && answered(5002) != null);
		assertThat(answered(5001).status()).as("truncated deliver_sm answered with an error").isNotZero();
		assertThat(answered(5002).commandId()).as("deliver_sm_resp").isEqualTo(0x80000005);
		assertThat(answered(5002).status()).as("garbage receipt kept, answered ESME_ROK").isZero();
		List<ReceiptReceived> receipts = this.topics.await(ReceiptReceived.class,
				(r) -> "rogue".equals(r.connectorId()) && r.raw() != null && r.raw().contains(garbage), 1,
				Duration.ofSeconds(20));
		assertThat(receipts.get(0).state()).as("no state read from garbage").isNull();

		sendExactlyOnce(List.of("after garbage"));
		assertThat(ROGUE.connections()).isEqualTo(binds);
	}

	@Test
	void aBrokenStreamIsDroppedAndTheMessagesInFlightAreSentExactlyOnce() throws Exception {
		int binds = ROGUE.connections();
		ROGUE.holdSubmitResponses(true);
		List<String> bodies = List.of("flight " + UUID.randomUUID(), "flight " + UUID.randomUUID(),
				"flight " + UUID.randomUUID());
		List<DispatchRequest> requests = this.topics.dispatch("rogue", "+4915100000098", "ACME", bodies);
		await(() -> submitsOn(binds, bodies).size() == 3);

		ROGUE.inject(pdu(8, 0x00000005, 0, 1, new byte[0]));
		ROGUE.holdSubmitResponses(false);

		Set<UUID> ids = requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 3, Duration.ofSeconds(30));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(1));
		assertThat(sent).hasSize(3).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();
		assertThat(ROGUE.connections()).as("bound again").isGreaterThan(binds);
		List<String> answered = ROGUE.received()
			.stream()
			.filter((r) -> r.connection() > binds && r.commandId() == RogueSmsc.SUBMIT_SM && bodies.contains(r.text()))
			.map(Received::text)
			.toList();
		assertThat(answered).as("unanswered submits sent again once each on the new bind")
			.containsExactlyInAnyOrderElementsOf(bodies);
		assertThat(lines()).anyMatch((l) -> l.contains("rogue") && l.contains("breaks the stream"));
	}

	@Test
	void impossibleLengthsAndRandomBytesEndInANewBindAndSendingGoesOn() throws Exception {
		Random random = new Random(11);
		byte[] noise = new byte[64];
		random.nextBytes(noise);
		List<byte[]> attacks = List.of(pdu(0x7FFFFFFF, 0x00000005, 0, 7, new byte[0]),
				pdu(-5, 0x00000005, 0, 8, new byte[0]), pdu(16 + 400, 0x00000005, 0, 9, body("", 1, 1, "49")), noise);
		for (byte[] attack : attacks) {
			int binds = ROGUE.connections();
			ROGUE.inject(attack);
			long start = System.nanoTime();
			await(() -> ROGUE.connections() > binds);
			awaitLinksUp("rogue", 1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("back within enquire_link + response timeout")
				.isLessThan(Duration.ofSeconds(10));
			sendExactlyOnce(List.of("after attack " + binds));
		}
	}

	private void sendExactlyOnce(List<String> bodies) {
		List<DispatchRequest> requests = this.topics.dispatch("rogue", "+4915100000097", "ACME", bodies);
		Set<UUID> ids = requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), bodies.size(), Duration.ofSeconds(30));
		assertThat(this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()), Duration.ofMillis(500)))
			.hasSize(bodies.size());
		assertThat(ROGUE.received().stream().filter((r) -> bodies.contains(r.text()))).hasSize(bodies.size());
	}

	private static List<Received> submitsOn(int connection, List<String> bodies) {
		return ROGUE.received()
			.stream()
			.filter((r) -> r.connection() == connection && bodies.contains(r.text()))
			.toList();
	}

	private static Received answered(int sequence) {
		return ROGUE.received().stream().filter((r) -> r.sequence() == sequence).findFirst().orElse(null);
	}

	private List<String> lines() {
		return List.copyOf(this.logs.list)
			.stream()
			.map((e) -> e.getFormattedMessage()
					+ ((e.getThrowableProxy() != null) ? " | " + e.getThrowableProxy().getMessage() : ""))
			.toList();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 15 s");
			}
			Thread.sleep(20);
		}
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
