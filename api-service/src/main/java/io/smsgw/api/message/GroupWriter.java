package io.smsgw.api.message;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.limit.TenantLimits;
import io.smsgw.api.limit.TenantLimits.QuotaGrant;
import io.smsgw.api.message.MessageStore.NewMessage;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.suppression.SuppressionStore;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.common.event.Topics;

/**
 * Stores a group of single sends, of any tenants, in one transaction: per tenant one suppression
 * query and one daily-quota update, then batch inserts of all messages, their history and their
 * outbox rows. A send to a suppressed recipient, or beyond its tenant's quota, is refused alone;
 * when the transaction fails, each send of the group is stored alone, so that one bad send never
 * fails the others.
 */
@Component
class GroupWriter {

	private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);

	private final MessageStore messages;

	private final OutboxStore outbox;

	private final SuppressionStore suppressions;

	private final TenantLimits limits;

	private final TransactionTemplate transactions;

	private final IntakeMeters meters;

	GroupWriter(MessageStore messages, OutboxStore outbox, SuppressionStore suppressions, TenantLimits limits,
			TransactionTemplate transactions, IntakeMeters meters) {
		this.messages = messages;
		this.outbox = outbox;
		this.suppressions = suppressions;
		this.limits = limits;
		this.transactions = transactions;
		this.meters = meters;
	}

	/**
	 * Stores the group and completes each send: normally after the commit, exceptionally with its
	 * own refusal or with the failure of storing it.
	 */
	void write(List<Send> group) {
		Map<Send, RuntimeException> refused;
		try {
			refused = this.transactions.execute((status) -> store(group));
		}
		catch (RuntimeException ex) {
			if (group.size() == 1) {
				group.get(0).done().completeExceptionally(ex);
				return;
			}
			log.warn("Storing a group of {} sends failed, storing each alone: {}", group.size(), ex.toString());
			for (Send send : group) {
				write(List.of(send));
			}
			return;
		}
		Map<String, Integer> accepted = new TreeMap<>();
		for (Send send : group) {
			RuntimeException refusal = (refused != null) ? refused.get(send) : null;
			if (refusal == null) {
				accepted.merge(send.tenant().getId(), 1, Integer::sum);
				send.done().complete(null);
				continue;
			}
			if (refusal instanceof RecipientSuppressedException) {
				this.meters.rejected(send.tenant(), "recipient-suppressed", 1);
			}
			send.done().completeExceptionally(refusal);
		}
		accepted.forEach(this.meters::accepted);
	}

	/** In the transaction: stores what may be stored; returns the refused sends with their answers. */
	private Map<Send, RuntimeException> store(List<Send> group) {
		Map<Send, RuntimeException> refused = new IdentityHashMap<>();
		List<NewMessage> rows = new ArrayList<>(group.size());
		// tenants in a fixed order, so that concurrent writers lock quota rows in the same order
		Map<String, List<Send>> byTenant = new TreeMap<>();
		for (Send send : group) {
			byTenant.computeIfAbsent(send.tenant().getId(), (id) -> new ArrayList<>()).add(send);
		}
		for (List<Send> sends : byTenant.values()) {
			Tenant tenant = sends.get(0).tenant();
			Set<String> suppressed = this.suppressions.suppressedAmong(tenant.getId(),
					sends.stream().map((s) -> s.message().to()).toList());
			List<Send> allowed = new ArrayList<>(sends.size());
			for (Send send : sends) {
				if (suppressed.contains(send.message().to())) {
					refused.put(send, new RecipientSuppressedException(send.message().to()));
				}
				else {
					allowed.add(send);
				}
			}
			QuotaGrant grant = this.limits.consumeDailyQuotaUpTo(tenant, allowed.size());
			for (int i = 0; i < allowed.size(); i++) {
				if (i < grant.granted()) {
					rows.add(allowed.get(i).message().row());
				}
				else {
					refused.put(allowed.get(i), grant.refusal());
				}
			}
		}
		if (!rows.isEmpty()) {
			this.messages.insertAll(rows);
			this.outbox.appendAll(Topics.MT_ACCEPTED,
					rows.stream().filter((m) -> m.sendAt() == null).map(NewMessage::event).toList());
		}
		return refused;
	}

	/** One single send waiting to be stored, and what its request thread waits for. */
	record Send(Tenant tenant, PreparedMessage message, CompletableFuture<Void> done) {
	}

}
