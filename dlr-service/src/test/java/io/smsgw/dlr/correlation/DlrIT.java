package io.smsgw.dlr.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.MessageType;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;
import io.smsgw.infra.InfrastructureInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=dlr-service", "sms.dlr.expiry.grace=PT0S", "sms.dlr.expiry.interval=PT1S" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class DlrIT {

	static final String CALLBACK = "https://tenant.example/callbacks";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void multipartMessageIsSentThenDeliveredExactlyOnceEachInOrder() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 2));
		MessageSent sent = sent(id, "smsc-a", "a1-" + id, "a2-" + id);
		KafkaTestClient.publish(Topics.MT_SENT, new MessageSent(id, "smsc-a", sent.parts(), sent.sentAt(),
				new java.math.BigDecimal("0.05")));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "a1-" + id, ReceiptState.DELIVERED, "000"),
				receipt("smsc-a", "a2-" + id, ReceiptState.DELIVERED, "000"));

		List<StatusChanged> statuses = statuses(id, 2);

		assertThat(statuses).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(statuses).allSatisfy((s) -> {
			assertThat(s.tenantId()).isEqualTo("tenant-a");
			assertThat(s.callbackUrl()).isEqualTo(CALLBACK);
			assertThat(s.eventId()).isEqualTo(StatusChanged.eventIdOf(id, s.status()));
			assertThat(s.errorCode()).as("err:000 means no error").isNull();
			assertThat(s.price()).as("0.05 per part, 2 parts").isEqualByComparingTo("0.10");
		});
		assertThat(partStatuses(id)).containsExactly("DELIVERED", "DELIVERED");
	}

	@Test
	void receiptBeforeItsMessageSentIsMatchedWhenTheSentArrives() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "early-" + id, ReceiptState.DELIVERED, "000"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.queryForObject(
				"select count(*) from dlr.pending_receipt where network_message_id = ?", Integer.class, "early-" + id) == 1);

		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "early-" + id));

		assertThat(statuses(id, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(this.jdbc.queryForObject("select count(*) from dlr.pending_receipt where network_message_id = ?",
				Integer.class, "early-" + id)).isZero();
	}

	@Test
	void duplicateAndLateReceiptsChangeNothing() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "dup-" + id));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "dup-" + id, ReceiptState.DELIVERED, "000"));
		assertThat(statuses(id, 2)).hasSize(2);

		double matched = matchedReceipts();
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "dup-" + id, ReceiptState.DELIVERED, "000"),
				receipt("smsc-a", "dup-" + id, ReceiptState.ENROUTE, null),
				receipt("smsc-a", "dup-" + id, ReceiptState.UNDELIVERABLE, "001"));
		await().atMost(Duration.ofSeconds(20)).until(() -> matchedReceipts() >= matched + 3);

		assertThat(statuses(id, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(messageStatus(id)).isEqualTo("DELIVERED");
	}

	@Test
	void oneUndeliveredPartMakesTheMessageUndeliveredWithTheNetworkErrorCode() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 2));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-b", "u1-" + id, "u2-" + id));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-b", "u1-" + id, ReceiptState.DELIVERED, "000"),
				receipt("smsc-b", "u2-" + id, ReceiptState.UNDELIVERABLE, "001"));

		List<StatusChanged> statuses = statuses(id, 2);

		assertThat(statuses).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.UNDELIVERED);
		assertThat(statuses.get(1).errorCode()).isEqualTo("001");
		assertThat(statuses.get(1).detail()).isEqualTo("part 2 of 2");
		assertThat(partStatuses(id)).containsExactly("DELIVERED", "UNDELIVERED");
	}

	@Test
	void wrappedModemReferenceGoesToTheNewestMessageAndTheOlderKeepsItsStatus() {
		UUID older = UUID.randomUUID();
		UUID newer = UUID.randomUUID();
		String reference = "modem-1:" + (Math.abs(older.hashCode()) % 256) + "-" + older;
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(older, 1), accepted(newer, 1));
		KafkaTestClient.publish(Topics.MT_SENT, sent(older, "rack-a", reference));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("rack-a", reference, ReceiptState.DELIVERED, null));
		assertThat(statuses(older, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);

		// 256 sends later the modem hands out the same message reference again
		KafkaTestClient.publish(Topics.MT_SENT, sent(newer, "rack-a", reference));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("rack-a", reference, ReceiptState.UNDELIVERABLE, "65"));

		assertThat(statuses(newer, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.UNDELIVERED);
		assertThat(messageStatus(older)).isEqualTo("DELIVERED");
		assertThat(partStatuses(older)).containsExactly("DELIVERED");
		assertThat(partStatuses(newer)).containsExactly("UNDELIVERED");
	}

	@Test
	void routerFailureMakesTheMessageFailed() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));
		KafkaTestClient.publish(Topics.MT_FAILED,
				new MessageFailed(id, "PERMANENT_FAILURE", "0x0000000B", "Invalid destination", now()));

		assertThat(statuses(id, 1)).singleElement().satisfies((s) -> {
			assertThat(s.status()).isEqualTo(MessageStatus.FAILED);
			assertThat(s.errorCode()).isEqualTo("0x0000000B");
			assertThat(s.detail()).isEqualTo("PERMANENT_FAILURE: Invalid destination");
			assertThat(s.tenantId()).isEqualTo("tenant-a");
		});
	}

	@Test
	void statusesReachedBeforeMessageAcceptedArePublishedWithTheTenantOnceItArrives() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "early-sent-" + id));
		KafkaTestClient.publish(Topics.DLR_RECEIVED,
				receipt("smsc-a", "early-sent-" + id, ReceiptState.DELIVERED, "000"));
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(messageStatus(id)));
		assertThat(statuses(id, 0)).as("nothing without a tenant").isEmpty();

		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));

		List<StatusChanged> statuses = statuses(id, 2);
		assertThat(statuses).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(statuses).extracting(StatusChanged::tenantId).containsOnly("tenant-a");
	}

	@Test
	void redeliveredRecordPublishesWhatACrashLeftUnpublished() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));
		MessageSent sent = sent(id, "smsc-a", "crash-" + id);
		KafkaTestClient.publish(Topics.MT_SENT, sent);
		assertThat(statuses(id, 1)).hasSize(1);
		// As if the service died after the database commit and before the publish:
		this.jdbc.update("update dlr.message_status set published = false where message_id = ?", id);

		KafkaTestClient.publish(Topics.MT_SENT, sent);

		assertThat(statuses(id, 2)).extracting(StatusChanged::eventId)
			.containsExactly(StatusChanged.eventIdOf(id, MessageStatus.SENT),
					StatusChanged.eventIdOf(id, MessageStatus.SENT));
	}

	@Test
	void unreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publishRaw(Topics.MT_SENT, "poison-" + id, "{not json".getBytes());
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "after-poison-" + id));

		assertThat(statuses(id, 1)).extracting(StatusChanged::status).containsExactly(MessageStatus.SENT);
		assertThat(KafkaTestClient.countRaw(Topics.deadLetter(Topics.MT_SENT), "poison-" + id, 1,
				Duration.ofSeconds(20))).isEqualTo(1);
	}

	@Test
	void messageWithNoFinalReceiptByItsValidityIsExpiredOnceAndALateReceiptChangesNothing() {
		UUID id = UUID.randomUUID();
		// MessageSent first, so that the sweep cannot expire the message before it is SENT
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "exp-" + id));
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(messageStatus(id)));
		Instant validUntil = now().minusSeconds(60);
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1, validUntil));

		List<StatusChanged> statuses = statuses(id, 2);
		assertThat(statuses).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.EXPIRED);
		assertThat(statuses.get(1)).satisfies((s) -> {
			assertThat(s.tenantId()).isEqualTo("tenant-a");
			assertThat(s.callbackUrl()).isEqualTo(CALLBACK);
			assertThat(s.eventId()).isEqualTo(StatusChanged.eventIdOf(id, MessageStatus.EXPIRED));
			assertThat(s.detail()).isEqualTo(Correlator.EXPIRED_DETAIL);
		});
		assertThat(this.jdbc.queryForObject("select valid_until from dlr.message where id = ?", java.sql.Timestamp.class,
				id).toInstant()).isEqualTo(validUntil);
		assertThat(partStatuses(id)).containsExactly("EXPIRED");

		double matched = matchedReceipts();
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "exp-" + id, ReceiptState.DELIVERED, "000"));
		await().atMost(Duration.ofSeconds(20)).until(() -> matchedReceipts() >= matched + 1);

		assertThat(statuses(id, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.EXPIRED);
		assertThat(messageStatus(id)).isEqualTo("EXPIRED");
		assertThat(partStatuses(id)).containsExactly("EXPIRED");
	}

	@Test
	void deliveredMessageIsNeverExpired() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "kept-" + id));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "kept-" + id, ReceiptState.DELIVERED, "000"));
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(messageStatus(id)));
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id, 1, now().minusSeconds(60)));
		assertThat(statuses(id, 2)).hasSize(2);

		// several sweeps (every second in this test) find nothing to expire
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> "DELIVERED".equals(messageStatus(id)));

		assertThat(statuses(id, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
	}

	/** The status changes of one message on {@code sms.mt.status}, awaiting {@code expected} of them. */
	static List<StatusChanged> statuses(UUID id, int expected) {
		return KafkaTestClient.read(Topics.MT_STATUS, (e) -> ((StatusChanged) e).messageId().equals(id), expected,
				Duration.ofSeconds(30), Duration.ofMillis(1500), true)
			.stream()
			.map((r) -> (StatusChanged) r.value())
			.toList();
	}

	private double matchedReceipts() {
		io.micrometer.core.instrument.Counter counter = this.meters.find("sms.dlr.receipts").tag("result", "matched").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private String messageStatus(UUID id) {
		List<String> status = this.jdbc.queryForList("select status from dlr.message where id = ?", String.class, id);
		return status.isEmpty() ? null : status.get(0);
	}

	private List<String> partStatuses(UUID id) {
		return this.jdbc.queryForList("select status from dlr.message_part where message_id = ? order by part_number",
				String.class, id);
	}

	private static MessageAccepted accepted(UUID id, int segments) {
		return new MessageAccepted(id, "tenant-a", "+15551234567", "ACME", "hello", "GSM7", segments, CALLBACK, now());
	}

	private static MessageAccepted accepted(UUID id, int segments, Instant validUntil) {
		return new MessageAccepted(id, "tenant-a", "+15551234567", "ACME", "hello", "GSM7", segments, CALLBACK, now(),
				MessageType.TRANSACTIONAL, validUntil);
	}

	private static MessageSent sent(UUID id, String connectorId, String... networkIds) {
		List<SentPart> parts = new java.util.ArrayList<>();
		for (int i = 0; i < networkIds.length; i++) {
			parts.add(new SentPart(i + 1, networkIds[i]));
		}
		return new MessageSent(id, connectorId, parts, now());
	}

	private static ReceiptReceived receipt(String connectorId, String networkId, ReceiptState state, String error) {
		return new ReceiptReceived(connectorId, networkId, state, error, now(), "id:" + networkId + " stat:" + state.stat(),
				now());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
