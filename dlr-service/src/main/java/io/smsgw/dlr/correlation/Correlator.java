package io.smsgw.dlr.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.kafka.KafkaException;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.dlr.correlation.ReceiptStore.PartRef;
import io.smsgw.dlr.publish.StatusPublisher;
import io.smsgw.dlr.status.TrackedMessage;
import io.smsgw.dlr.status.TrackedPart;

/**
 * Applies a batch of events of one kind to the stored messages, in one database transaction that
 * also publishes the statuses reached ({@link StatusPublisher#publishWithin}) before it commits, so
 * they are stored as published and never updated again. If publishing fails the transaction rolls
 * back, the batch is applied again without publishing (its statuses stored unpublished, for the
 * retry and the republish sweep) and the failure is rethrown, as a publish after the commit would.
 * Every method is idempotent: applying the same events again changes nothing.
 */
class Correlator {

	static final String EXPIRED_DETAIL = "no final receipt within the validity period";

	private final MessageStore messages;

	private final ReceiptStore receipts;

	private final TransactionTemplate tx;

	private final StatusPublisher publisher;

	Correlator(MessageStore messages, ReceiptStore receipts, TransactionTemplate tx, StatusPublisher publisher) {
		this.messages = messages;
		this.receipts = receipts;
		this.tx = tx;
		this.publisher = publisher;
	}

	/** Runs {@code work} publishing within; on a failed publish, again without, then rethrows. */
	private Outcome inTransaction(Function<Boolean, Outcome> work) {
		Outcome outcome;
		try {
			outcome = this.tx.execute((status) -> work.apply(true));
		}
		catch (KafkaException ex) {
			this.tx.execute((status) -> work.apply(false));
			throw ex;
		}
		this.publisher.recorded(outcome.sent());
		return outcome;
	}

	/** Publishes (when {@code publish}) and stores what changed; returns what was sent. */
	private StatusPublisher.Sent store(Map<UUID, TrackedMessage> tracked, boolean publish) {
		StatusPublisher.Sent sent = publish ? this.publisher.publishWithin(tracked.values()) : StatusPublisher.Sent.NONE;
		this.messages.save(tracked.values(), sent.messageIds());
		return sent;
	}

	Outcome accepted(List<MessageAccepted> accepted) {
		this.tx.executeWithoutResult((status) -> this.messages.accept(accepted));
		return new Outcome(ids(accepted.stream().map(MessageAccepted::messageId).toList()), 0, 0,
				StatusPublisher.Sent.NONE);
	}

	Outcome sent(List<MessageSent> sent) {
		return inTransaction((publish) -> {
			Map<PartKey, PartRef> index = new HashMap<>();
			for (MessageSent message : sent) {
				message.parts()
					.forEach((part) -> index.put(new PartKey(message.connectorId(), part.networkMessageId()),
							new PartRef(message.messageId(), part.partNumber())));
			}
			this.receipts.lock(index.keySet());
			Set<UUID> ids = ids(sent.stream().map(MessageSent::messageId).toList());
			this.messages.ensure(ids);
			Map<UUID, TrackedMessage> tracked = this.messages.lock(ids);
			this.messages.priced(sent);
			Map<PartKey, PartRef> aliases = new LinkedHashMap<>();
			for (MessageSent message : sent) {
				TrackedMessage target = tracked.get(message.messageId());
				for (MessageSent.SentPart part : message.parts()) {
					TrackedPart known = target.part(part.partNumber());
					PartKey key = new PartKey(message.connectorId(), part.networkMessageId());
					if (known != null && !key.equals(new PartKey(known.connectorId(), known.networkMessageId()))) {
						// submitted again and given another id: a receipt for either id completes the part
						aliases.put(key, new PartRef(message.messageId(), part.partNumber()));
					}
					target.sent(message.connectorId(), part.partNumber(), part.networkMessageId(), message.sentAt());
				}
			}
			List<ReceiptReceived> parked = this.receipts.takeParked(index.keySet());
			for (ReceiptReceived receipt : parked) {
				PartRef ref = index.get(new PartKey(receipt.connectorId(), receipt.networkMessageId()));
				apply(tracked.get(ref.messageId()), ref.partNumber(), receipt);
			}
			StatusPublisher.Sent published = store(tracked, publish);
			this.receipts.alias(aliases);
			return new Outcome(ids, parked.size(), 0, published);
		});
	}

	Outcome receipts(List<ReceiptReceived> receipts) {
		return inTransaction((publish) -> {
			List<PartKey> keys = receipts.stream().map(PartKey::of).toList();
			this.receipts.lock(keys);
			Map<PartKey, PartRef> found = this.receipts.find(keys);
			List<ReceiptReceived> unmatched = new ArrayList<>();
			List<ReceiptReceived> matched = new ArrayList<>();
			for (ReceiptReceived receipt : receipts) {
				(found.containsKey(PartKey.of(receipt)) ? matched : unmatched).add(receipt);
			}
			this.receipts.park(unmatched);
			Map<UUID, TrackedMessage> tracked = this.messages
				.lock(ids(found.values().stream().map(PartRef::messageId).toList()));
			for (ReceiptReceived receipt : matched) {
				PartRef ref = found.get(PartKey.of(receipt));
				apply(tracked.get(ref.messageId()), ref.partNumber(), receipt);
			}
			return new Outcome(tracked.keySet(), matched.size(), unmatched.size(), store(tracked, publish));
		});
	}

	Outcome failed(List<MessageFailed> failed) {
		return inTransaction((publish) -> {
			Set<UUID> ids = ids(failed.stream().map(MessageFailed::messageId).toList());
			this.messages.ensure(ids);
			Map<UUID, TrackedMessage> tracked = this.messages.lock(ids);
			for (MessageFailed message : failed) {
				String detail = message.reasonCode() + ((message.detail() != null) ? ": " + message.detail() : "");
				tracked.get(message.messageId()).failed(message.errorCode(), detail, message.failedAt());
			}
			return new Outcome(ids, 0, 0, store(tracked, publish));
		});
	}

	/**
	 * Moves up to {@code limit} messages that are still not final at {@code cutoff} (deadline plus
	 * grace) to EXPIRED, at {@code now}. Rows locked elsewhere are skipped and found by a later sweep.
	 */
	Outcome expire(Instant cutoff, Instant now, int limit) {
		return inTransaction((publish) -> {
			List<UUID> due = this.messages.lockExpired(cutoff, limit);
			if (due.isEmpty()) {
				return new Outcome(Set.of(), 0, 0, StatusPublisher.Sent.NONE);
			}
			Map<UUID, TrackedMessage> tracked = this.messages.lock(due);
			tracked.values().forEach((message) -> message.expired(EXPIRED_DETAIL, now));
			return new Outcome(ids(due), 0, 0, store(tracked, publish));
		});
	}

	/**
	 * A receipt's status is timed when the gateway received it: the receipt's own {@code done date}
	 * has minute precision and the SMSC's local time without a zone, so it cannot order a history.
	 */
	private static void apply(TrackedMessage message, int partNumber, ReceiptReceived receipt) {
		message.receipt(partNumber, receipt.state().status(), networkError(receipt.errorCode()), receipt.receivedAt());
	}

	/** The receipt's {@code err} code, or {@code null} for "no error" (000, 0, blank). */
	static String networkError(String code) {
		return (code == null || code.isBlank() || code.strip().chars().allMatch((c) -> c == '0')) ? null : code.strip();
	}

	private static Set<UUID> ids(List<UUID> ids) {
		return new LinkedHashSet<>(ids);
	}

	/**
	 * What a batch did.
	 *
	 * @param touched the messages whose statuses may need publishing
	 * @param matched receipts matched to their part
	 * @param parked receipts parked until their part is known
	 * @param sent the statuses published within the transaction
	 */
	record Outcome(Set<UUID> touched, int matched, int parked, StatusPublisher.Sent sent) {
	}

}
