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
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A part submitted twice (the connector's poll redelivered after a link loss) and answered with
 * two network ids: a receipt for either id completes it, once. Same context as {@link DlrIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=dlr-service", "sms.dlr.expiry.grace=PT0S", "sms.dlr.expiry.interval=PT1S" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class ResubmittedPartIT {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void receiptForTheSecondIdOnlyDeliversOnce() {
		UUID id = UUID.randomUUID();
		sentTwice(id, "smsc-a", "A-" + id, "smsc-a", "B-" + id);
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "B-" + id, ReceiptState.DELIVERED));

		assertDeliveredOnce(id);
	}

	@Test
	void receiptForTheFirstIdOnlyDeliversOnce() {
		UUID id = UUID.randomUUID();
		sentTwice(id, "smsc-a", "A-" + id, "smsc-a", "B-" + id);
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "A-" + id, ReceiptState.DELIVERED));

		assertDeliveredOnce(id);
	}

	@Test
	void receiptsForBothIdsDeliverOnceAndTheLaterNeverMovesBack() {
		UUID id = UUID.randomUUID();
		sentTwice(id, "smsc-a", "A-" + id, "smsc-b", "B-" + id);
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-b", "B-" + id, ReceiptState.DELIVERED));
		await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(messageStatus(id)));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "A-" + id, ReceiptState.UNDELIVERABLE));

		assertDeliveredOnce(id);
		assertThat(pending(id)).isZero();
	}

	@Test
	void earlyReceiptForTheSecondIdIsMatchedWhenItsMessageSentArrives() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "A-" + id));
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(messageStatus(id)));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("smsc-a", "B-" + id, ReceiptState.DELIVERED));
		await().atMost(Duration.ofSeconds(20)).until(() -> pending(id) == 1);

		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "smsc-a", "B-" + id));

		assertDeliveredOnce(id);
		assertThat(pending(id)).isZero();
	}

	@Test
	void secondIdReusedByANewerMessageGoesToTheNewerOne() {
		UUID older = UUID.randomUUID();
		UUID newer = UUID.randomUUID();
		sentTwice(older, "rack-a", "A-" + older, "rack-a", "R-" + older);
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(newer));
		KafkaTestClient.publish(Topics.MT_SENT, sent(newer, "rack-a", "R-" + older));
		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("rack-a", "R-" + older, ReceiptState.DELIVERED));

		assertDeliveredOnce(newer);
		assertThat(messageStatus(older)).isEqualTo("SENT");
	}

	private void sentTwice(UUID id, String firstConnector, String first, String secondConnector, String second) {
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, firstConnector, first));
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(messageStatus(id)));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, secondConnector, second));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.queryForObject(
				"select count(*) from dlr.part_alias where message_id = ?", Integer.class, id) == 1);
	}

	private void assertDeliveredOnce(UUID id) {
		List<StatusChanged> statuses = KafkaTestClient
			.read(Topics.MT_STATUS, (e) -> ((StatusChanged) e).messageId().equals(id), 2, Duration.ofSeconds(30),
					Duration.ofMillis(1500), true)
			.stream()
			.map((r) -> (StatusChanged) r.value())
			.toList();
		assertThat(statuses).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(messageStatus(id)).isEqualTo("DELIVERED");
		assertThat(this.jdbc.queryForList("select status from dlr.message_part where message_id = ?", String.class, id))
			.containsExactly("DELIVERED");
	}

	private int pending(UUID id) {
		return this.jdbc.queryForObject("select count(*) from dlr.pending_receipt where network_message_id like ?",
				Integer.class, "%-" + id);
	}

	private String messageStatus(UUID id) {
		List<String> status = this.jdbc.queryForList("select status from dlr.message where id = ?", String.class, id);
		return status.isEmpty() ? null : status.get(0);
	}

	private static MessageAccepted accepted(UUID id) {
		return new MessageAccepted(id, "tenant-a", "+15551234567", "ACME", "hello", "GSM7", 1, DlrIT.CALLBACK, now());
	}

	private static MessageSent sent(UUID id, String connectorId, String networkId) {
		return new MessageSent(id, connectorId, List.of(new SentPart(1, networkId)), now());
	}

	private static ReceiptReceived receipt(String connectorId, String networkId, ReceiptState state) {
		String error = (state == ReceiptState.DELIVERED) ? "000" : "001";
		return new ReceiptReceived(connectorId, networkId, state, error, now(), "id:" + networkId + " stat:" + state.stat(),
				now());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
