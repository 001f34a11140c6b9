package io.smsgw.api.inbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.keyword.KeywordAction;
import io.smsgw.api.keyword.KeywordSets;
import io.smsgw.api.keyword.KeywordSets.Match;
import io.smsgw.api.number.NumberStore;
import io.smsgw.api.number.NumberStore.Owner;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.suppression.SuppressionStore;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.InboundRouted;
import io.smsgw.common.event.Topics;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * Handles one inbound message in one transaction: finds its owner, stores it once (a replay
 * changes nothing), applies a STOP or START keyword to the owner's suppression list, queues the
 * auto-reply, and puts {@link InboundRouted} in the outbox. Unowned messages are stored for
 * operators and go nowhere else.
 */
@Service
class InboundProcessor {

	/** What became of an inbound message. */
	enum Outcome {

		ROUTED, UNROUTED, DUPLICATE

	}

	private final NumberStore numbers;

	private final KeywordSets keywords;

	private final InboundStore store;

	private final SuppressionStore suppressions;

	private final OutboxStore outbox;

	private final AutoReplies replies;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	InboundProcessor(NumberStore numbers, KeywordSets keywords, InboundStore store, SuppressionStore suppressions,
			OutboxStore outbox, AutoReplies replies, TransactionTemplate transactions, MeterRegistry meters) {
		this.numbers = numbers;
		this.keywords = keywords;
		this.store = store;
		this.suppressions = suppressions;
		this.outbox = outbox;
		this.replies = replies;
		this.transactions = transactions;
		this.meters = meters;
	}

	Outcome process(InboundReceived inbound) {
		Instant receivedAt = ((inbound.receivedAt() != null) ? inbound.receivedAt() : Instant.now())
			.truncatedTo(ChronoUnit.MICROS);
		Routed routed = this.transactions.execute((status) -> {
			Optional<Owner> owner = this.numbers.resolve(inbound.to(), inbound.body());
			if (owner.isEmpty()) {
				boolean inserted = this.store.insert(inbound, null, null, null, receivedAt);
				return new Routed(inserted ? Outcome.UNROUTED : Outcome.DUPLICATE, null);
			}
			Owner o = owner.get();
			Match match = this.keywords.match(o.tenantId(), o.commandWord()).orElse(null);
			String action = (match != null) ? match.action().name() : null;
			if (!this.store.insert(inbound, o.tenantId(), o.keyword(), action, receivedAt)) {
				return new Routed(Outcome.DUPLICATE, o.tenantId());
			}
			if (match != null && match.action() != KeywordAction.HELP) {
				this.suppressions.change(o.tenantId(), senderNumber(inbound.from()),
						match.action() == KeywordAction.STOP, SuppressionStore.Source.KEYWORD, o.commandWord(),
						receivedAt);
			}
			if (match != null) {
				this.replies.reply(o, inbound.from(), match);
			}
			// the owner's address as the tenant knows it (E.164 or the short code), not as the network wrote it
			InboundReceived addressed = new InboundReceived(inbound.inboundId(), inbound.connectorId(), inbound.from(),
					o.address(), inbound.body(), inbound.complete(), inbound.receivedAt());
			this.outbox.append(Topics.MO_ROUTED, InboundRouted.of(addressed, o.tenantId(), o.keyword(), action));
			return new Routed(Outcome.ROUTED, o.tenantId());
		});
		if (routed.outcome() != Outcome.DUPLICATE) {
			Counter.builder("sms.inbound.received")
				.description("Inbound messages received, by owner and whether an owner was found")
				.tag("tenant", (routed.tenantId() != null) ? routed.tenantId() : "none")
				.tag("outcome", (routed.outcome() == Outcome.ROUTED) ? "routed" : "unrouted")
				.register(this.meters)
				.increment();
		}
		return routed.outcome();
	}

	/** The sender as the number it is suppressed as: E.164 when it is a number, else as given. */
	static String senderNumber(String from) {
		String value = from.strip();
		Optional<String> e164 = PhoneNumbers.toE164(value, null);
		if (e164.isEmpty() && value.matches("[0-9]{6,20}")) {
			e164 = PhoneNumbers.toE164("+" + value, null);
		}
		return e164.orElse(value);
	}

	private record Routed(Outcome outcome, String tenantId) {
	}

}
