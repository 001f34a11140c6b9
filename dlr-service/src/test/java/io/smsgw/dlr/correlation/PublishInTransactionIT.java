package io.smsgw.dlr.correlation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.ReceiptState;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventSerializer;
import io.smsgw.dlr.publish.DlrMetrics;
import io.smsgw.dlr.publish.StatusPublisher;
import io.smsgw.infra.InfrastructureInitializer;
import io.smsgw.infra.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statuses are published within the transaction that records them, and stored once, already
 * published; when Kafka cannot be reached the batch is stored unpublished instead and published
 * later. Same context as {@link DlrIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=dlr-service", "sms.dlr.expiry.grace=PT0S", "sms.dlr.expiry.interval=PT1S" })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class PublishInTransactionIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageStore messages;

	@Autowired
	ReceiptStore receipts;

	@Autowired
	StatusPublisher publisher;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void statusRowsAreWrittenOncePublishedInTheTransactionThatRecordsThePart() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id));
		KafkaTestClient.publish(Topics.MT_SENT, sent(id, "once-" + id));
		assertThat(DlrIT.statuses(id, 1)).extracting(StatusChanged::status).containsExactly(MessageStatus.SENT);
		// the SENT row was written by the transaction that inserted the part, and never again
		String sentRow = xmin("dlr.message_status where message_id = ? and status = 'SENT'", id);
		assertThat(sentRow).isEqualTo(xmin("dlr.message_part where message_id = ?", id));

		KafkaTestClient.publish(Topics.DLR_RECEIVED, receipt("once-" + id));

		assertThat(DlrIT.statuses(id, 2)).extracting(StatusChanged::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(this.jdbc.queryForList("select published from dlr.message_status where message_id = ? order by rank",
				Boolean.class, id)).containsExactly(true, true);
		assertThat(xmin("dlr.message_status where message_id = ? and status = 'SENT'", id)).isEqualTo(sentRow);
		assertThat(xmin("dlr.message_status where message_id = ? and status = 'DELIVERED'", id))
			.as("written by the receipt's transaction, not updated by a later publish")
			.isEqualTo(xmin("dlr.message where id = ?", id));
	}

	private String xmin(String fromWhere, UUID id) {
		return this.jdbc.queryForObject("select xmin::text from " + fromWhere, String.class, id);
	}

	@Test
	void whenKafkaCannotBeReachedTheBatchIsStoredUnpublishedAndPublishedLater() {
		UUID id = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted(id));
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.queryForObject(
				"select count(*) from dlr.message where id = ? and tenant_id is not null", Integer.class, id) == 1);
		DefaultKafkaProducerFactory<String, Object> unreachable = new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class));
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		StatusPublisher failing = new StatusPublisher(this.jdbc, tx, new KafkaTemplate<>(unreachable),
				Duration.ofSeconds(5), new DlrMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
		Correlator correlator = new Correlator(this.messages, this.receipts, tx, failing);
		try {
			assertThatThrownBy(() -> correlator.sent(List.of(sent(id, "down-" + id)))).isInstanceOf(KafkaException.class);
		}
		finally {
			unreachable.destroy();
		}

		assertThat(this.jdbc.queryForObject("select status from dlr.message where id = ?", String.class, id))
			.as("the batch is applied though nothing was published").isEqualTo("SENT");
		assertThat(this.jdbc.queryForList("select published from dlr.message_status where message_id = ?",
				Boolean.class, id)).containsExactly(false);
		assertThat(DlrIT.statuses(id, 0)).isEmpty();

		assertThat(this.publisher.publish(List.of(id))).isEqualTo(1);
		assertThat(DlrIT.statuses(id, 1)).extracting(StatusChanged::eventId)
			.containsExactly(StatusChanged.eventIdOf(id, MessageStatus.SENT));
		assertThat(this.jdbc.queryForList("select published from dlr.message_status where message_id = ?",
				Boolean.class, id)).containsExactly(true);
	}

	private static MessageAccepted accepted(UUID id) {
		return new MessageAccepted(id, "tenant-a", "+15551234567", "ACME", "hello", "GSM7", 1, DlrIT.CALLBACK, now());
	}

	private static MessageSent sent(UUID id, String networkId) {
		return new MessageSent(id, "smsc-a", List.of(new SentPart(1, networkId)), now());
	}

	private static ReceiptReceived receipt(String networkId) {
		return new ReceiptReceived("smsc-a", networkId, ReceiptState.DELIVERED, "000", now(),
				"id:" + networkId + " stat:DELIVRD", now());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
