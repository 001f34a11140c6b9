package io.smsgw.api.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.limit.TenantLimits;
import io.smsgw.api.message.BatchResult.ItemProblem;
import io.smsgw.api.message.BatchResult.ItemResult;
import io.smsgw.api.message.MessageStore.NewMessage;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.suppression.SuppressionStore;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;

/**
 * Accepts a batch request: validates each item, leaves out suppressed recipients, and stores the
 * valid messages, their history, their daily-quota count (all of them or none) and their outbox
 * rows in one transaction; says what happened to each item.
 */
@Service
class BatchIntake {

	private final MessageIntake intake;

	private final MessageStore messages;

	private final OutboxStore outbox;

	private final TenantLimits limits;

	private final TransactionTemplate transactions;

	private final IntakeMeters meters;

	private final SuppressionStore suppressions;

	BatchIntake(MessageIntake intake, MessageStore messages, OutboxStore outbox, TenantLimits limits,
			TransactionTemplate transactions, IntakeMeters meters, SuppressionStore suppressions) {
		this.intake = intake;
		this.messages = messages;
		this.outbox = outbox;
		this.limits = limits;
		this.transactions = transactions;
		this.meters = meters;
		this.suppressions = suppressions;
	}

	/** Accepts what is valid in a batch, all in one transaction, and says what happened to each item. */
	BatchResult accept(String tenantId, List<SendMessageRequest> requests) {
		Tenant tenant = this.intake.tenant(tenantId);
		this.limits.acquireRequest(tenant);
		Instant now = MessageIntake.now();
		List<ItemResult> results = new ArrayList<>(requests.size());
		List<PreparedMessage> valid = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			SendMessageRequest request = requests.get(i);
			try {
				if (request == null) {
					throw new InvalidRequestException(List.of(new FieldProblem("messages[" + i + "]",
							"must be a message object")));
				}
				PreparedMessage accepted = this.intake.prepare(tenant, request, now);
				valid.add(accepted);
				results.add(new ItemResult(i, accepted.answer().status(), accepted.answer(), null));
			}
			catch (InvalidRequestException ex) {
				results.add(new ItemResult(i, "rejected", null, new ItemProblem(ItemProblem.BLANK, "Bad Request", 400,
						"Validation failed", ex.problems())));
			}
		}
		valid = withoutSuppressed(tenant, valid, results);
		store(tenant, valid);
		int rejected = requests.size() - valid.size();
		if (rejected > 0) {
			long suppressed = results.stream().filter((r) -> r.problem() != null && r.problem().status() == 422).count();
			this.meters.rejected(tenant, "recipient-suppressed", suppressed);
			this.meters.rejected(tenant, "invalid", rejected - suppressed);
		}
		return new BatchResult(valid.size(), rejected, results);
	}


	/** Stores a batch request's valid messages in one transaction; all or none fit in the quota. */
	private void store(Tenant tenant, List<PreparedMessage> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		List<NewMessage> rows = accepted.stream().map(PreparedMessage::row).toList();
		List<MessageAccepted> now = rows.stream().filter((m) -> m.sendAt() == null).map(NewMessage::event).toList();
		this.transactions.executeWithoutResult((status) -> {
			this.limits.consumeDailyQuota(tenant, rows.size());
			this.messages.insertAll(rows);
			this.outbox.appendAll(Topics.MT_ACCEPTED, now);
		});
		this.meters.accepted(tenant.getId(), rows.size());
	}

	/** The accepted items whose recipients are not suppressed; the others' results become 422 problems. */
	private List<PreparedMessage> withoutSuppressed(Tenant tenant, List<PreparedMessage> valid,
			List<ItemResult> results) {
		Set<String> suppressed = this.suppressions.suppressedAmong(tenant.getId(),
				valid.stream().map(PreparedMessage::to).toList());
		if (suppressed.isEmpty()) {
			return valid;
		}
		List<PreparedMessage> kept = new ArrayList<>(valid.size());
		for (PreparedMessage accepted : valid) {
			String to = accepted.to();
			if (!suppressed.contains(to)) {
				kept.add(accepted);
				continue;
			}
			for (int i = 0; i < results.size(); i++) {
				if (results.get(i).message() == accepted.answer()) {
					results.set(i, new ItemResult(i, "rejected", null, new ItemProblem(
							RecipientSuppressedException.TYPE.toString(), "Recipient suppressed", 422,
							new RecipientSuppressedException(to).getMessage(),
							List.of(new FieldProblem("to", RecipientSuppressedException.FIELD_MESSAGE)))));
				}
			}
		}
		return kept;
	}

}
