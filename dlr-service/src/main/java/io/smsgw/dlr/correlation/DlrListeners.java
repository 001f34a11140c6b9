package io.smsgw.dlr.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.dlr.publish.DlrMetrics;
import io.smsgw.dlr.publish.StatusPublisher;

/**
 * The dlr-service's batch listeners. Each applies the readable records of a poll in one
 * database transaction that publishes the resulting status changes and waits for Kafka's acks
 * before it commits (MessageAccepted: publishes after the commit what was waiting for the
 * tenant), so offsets are committed only after the statuses are out. A record that
 * cannot be read or lacks its ids ends the batch with a {@link BatchListenerFailedException}:
 * the records before it are committed and the shared error handler sends it to the DLT.
 */
public class DlrListeners {

	private static final Logger log = LoggerFactory.getLogger(DlrListeners.class);

	private final Correlator correlator;

	private final StatusPublisher publisher;

	private final DlrMetrics metrics;

	DlrListeners(Correlator correlator, StatusPublisher publisher, DlrMetrics metrics) {
		this.correlator = correlator;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@KafkaListener(id = "dlr-accepted", idIsGroup = false, topics = Topics.MT_ACCEPTED, batch = "true")
	void onAccepted(List<ConsumerRecord<String, SmsEvent>> records) {
		process(records, MessageAccepted.class, (m) -> m.messageId() != null, this.correlator::accepted);
	}

	@KafkaListener(id = "dlr-sent", idIsGroup = false, topics = Topics.MT_SENT, batch = "true")
	void onSent(List<ConsumerRecord<String, SmsEvent>> records) {
		process(records, MessageSent.class, (m) -> m.messageId() != null && m.connectorId() != null
				&& m.parts().stream().allMatch((p) -> p.networkMessageId() != null), this.correlator::sent);
	}

	@KafkaListener(id = "dlr-receipts", idIsGroup = false, topics = Topics.DLR_RECEIVED, batch = "true")
	void onReceipts(List<ConsumerRecord<String, SmsEvent>> records) {
		process(records, ReceiptReceived.class, (r) -> r.connectorId() != null && r.networkMessageId() != null,
				(receipts) -> {
					List<ReceiptReceived> readable = receipts.stream().filter((r) -> r.state() != null).toList();
					this.metrics.receipts("unreadable", receipts.size() - readable.size());
					Correlator.Outcome outcome = this.correlator.receipts(readable);
					this.metrics.receipts("matched", outcome.matched());
					this.metrics.receipts("pending", outcome.parked());
					return outcome;
				});
	}

	@KafkaListener(id = "dlr-failed", idIsGroup = false, topics = Topics.MT_FAILED, batch = "true")
	void onFailed(List<ConsumerRecord<String, SmsEvent>> records) {
		process(records, MessageFailed.class, (m) -> m.messageId() != null, this.correlator::failed);
	}

	private <T extends SmsEvent> void process(List<ConsumerRecord<String, SmsEvent>> records, Class<T> type,
			Predicate<T> valid, Function<List<T>, Correlator.Outcome> apply) {
		List<T> events = new ArrayList<>(records.size());
		int poison = -1;
		for (int i = 0; i < records.size() && poison < 0; i++) {
			SmsEvent value = records.get(i).value();
			if (type.isInstance(value) && valid.test(type.cast(value))) {
				events.add(type.cast(value));
			}
			else {
				poison = i;
			}
		}
		if (!events.isEmpty()) {
			Correlator.Outcome outcome = apply.apply(events);
			if (type == MessageSent.class) {
				this.metrics.receipts("matched", outcome.matched());
			}
			if (type == MessageAccepted.class) {
				this.publisher.publish(outcome.touched());
			}
		}
		if (poison >= 0) {
			ConsumerRecord<String, SmsEvent> record = records.get(poison);
			log.warn("Unreadable or incomplete record at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
			throw new BatchListenerFailedException("Unreadable or incomplete " + type.getSimpleName(), poison);
		}
	}

}
