package io.smsgw.api.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.status.StatusStore.Current;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;

/**
 * Keeps the message read model current from {@code sms.mt.status}: each change adds a history row
 * (once per status) and moves the message's status only forward ({@code canMoveTo}), so that
 * redelivery and late events change nothing. One transaction per batch. A record that cannot be
 * read goes to the dead-letter topic; the records before it are kept.
 */
@Component
class StatusListener {

	private static final Logger log = LoggerFactory.getLogger(StatusListener.class);

	private final StatusStore store;

	private final TransactionTemplate transactions;

	StatusListener(StatusStore store, TransactionTemplate transactions) {
		this.store = store;
		this.transactions = transactions;
	}

	@KafkaListener(id = "api-status", topics = Topics.MT_STATUS, groupId = "api-service", batch = "true")
	void onStatus(List<ConsumerRecord<String, Object>> records) {
		int bad = firstUnreadable(records);
		List<StatusChanged> changes = new ArrayList<>();
		for (ConsumerRecord<String, Object> record : records.subList(0, (bad < 0) ? records.size() : bad)) {
			changes.add((StatusChanged) record.value());
		}
		if (!changes.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> apply(changes));
		}
		if (bad >= 0) {
			throw new BatchListenerFailedException("Unreadable status event", bad);
		}
	}

	/**
	 * Two moves of one message in one poll, as if applied one after the other: the later status,
	 * with the earlier error code and price where the later one has none (the update keeps them).
	 */
	private static StatusChanged later(StatusChanged earlier, StatusChanged later) {
		if ((later.errorCode() != null || earlier.errorCode() == null)
				&& (later.price() != null || earlier.price() == null)) {
			return later;
		}
		return new StatusChanged(later.eventId(), later.messageId(), later.tenantId(), later.status(), later.at(),
				(later.errorCode() != null) ? later.errorCode() : earlier.errorCode(), later.detail(),
				later.callbackUrl(), (later.price() != null) ? later.price() : earlier.price());
	}

	private void apply(List<StatusChanged> changes) {
		Set<UUID> ids = new LinkedHashSet<>();
		changes.forEach((change) -> ids.add(change.messageId()));
		Map<UUID, Current> current = this.store.lockCurrent(ids);
		List<StatusChanged> known = new ArrayList<>();
		Map<UUID, StatusChanged> moves = new LinkedHashMap<>();
		for (StatusChanged change : changes) {
			Current now = current.get(change.messageId());
			if (now == null || !now.tenantId().equals(change.tenantId())) {
				log.warn("Ignoring status {} of message {}: no such message of tenant {}", change.status(),
						change.messageId(), change.tenantId());
				continue;
			}
			known.add(change);
			if (now.status().canMoveTo(change.status())) {
				current.put(change.messageId(), new Current(now.tenantId(), change.status()));
				moves.merge(change.messageId(), change, StatusListener::later);
			}
		}
		if (!known.isEmpty()) {
			this.store.insertHistory(known);
		}
		if (!moves.isEmpty()) {
			this.store.updateStatus(moves.values());
		}
	}

	/** Index of the first record that is not a usable status event, or -1. */
	private static int firstUnreadable(List<ConsumerRecord<String, Object>> records) {
		for (int i = 0; i < records.size(); i++) {
			Object value = records.get(i).value();
			if (!(value instanceof StatusChanged change) || change.messageId() == null || change.status() == null
					|| change.at() == null || change.tenantId() == null) {
				return i;
			}
		}
		return -1;
	}

}
