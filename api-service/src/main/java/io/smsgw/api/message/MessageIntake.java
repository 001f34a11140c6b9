package io.smsgw.api.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.limit.TenantLimits;
import io.smsgw.api.message.BatchResult.ItemProblem;
import io.smsgw.api.message.BatchResult.ItemResult;
import io.smsgw.api.message.MessageStore.NewMessage;
import io.smsgw.api.message.MessageValidator.ValidMessage;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.suppression.SuppressionStore;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;

/**
 * Accepts messages: checks the tenant's rate, validates, then stores the messages, their first
 * history rows, their daily-quota count and their {@link MessageAccepted} outbox rows (or their
 * schedule) in one transaction. Returns only after the commit, so an accepted message is durable.
 */
@Service
public class MessageIntake {

	private final MessageValidator validator;

	private final MessageStore messages;

	private final OutboxStore outbox;

	private final TenantDirectory tenants;

	private final TenantLimits limits;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final SuppressionStore suppressions;

	MessageIntake(ApiProperties properties, MessageStore messages, OutboxStore outbox, TenantDirectory tenants,
			TenantLimits limits, TransactionTemplate transactions, MeterRegistry meters,
			SuppressionStore suppressions) {
		ApiProperties.Messages config = properties.messages();
		this.validator = new MessageValidator(config.maxParts(), config.maxValidity(), config.maxScheduleAhead());
		this.messages = messages;
		this.outbox = outbox;
		this.tenants = tenants;
		this.limits = limits;
		this.transactions = transactions;
		this.meters = meters;
		this.suppressions = suppressions;
	}

	/**
	 * Accepts one message.
	 * @throws InvalidRequestException naming each wrong field
	 * @throws RecipientSuppressedException when the recipient is on the tenant's suppression list
	 */
	public AcceptedMessage accept(String tenantId, SendMessageRequest request) {
		Tenant tenant = tenant(tenantId);
		this.limits.acquireRequest(tenant);
		Accepted accepted;
		try {
			accepted = prepare(tenant, request, now());
		}
		catch (InvalidRequestException ex) {
			rejected(tenant, "invalid", 1);
			throw ex;
		}
		String to = accepted.row().event().to();
		if (!this.suppressions.suppressedAmong(tenant.getId(), List.of(to)).isEmpty()) {
			rejected(tenant, "recipient-suppressed", 1);
			throw new RecipientSuppressedException(to);
		}
		store(tenant, List.of(accepted));
		return accepted.answer();
	}

	/**
	 * Accepts an automatic answer to an inbound keyword (STOP confirmation, HELP text) in the
	 * caller's transaction: no rate limit, quota or suppression check (a STOP confirmation goes to
	 * a number that has just opted out). Empty when the reply cannot be sent as it is.
	 */
	public Optional<UUID> acceptReply(String tenantId, String to, String from, String body) {
		Optional<Tenant> tenant = this.tenants.find(tenantId);
		if (tenant.isEmpty()) {
			return Optional.empty();
		}
		try {
			Accepted reply = prepare(tenant.get(), new SendMessageRequest(to, from, body, null), now());
			this.messages.insertAll(List.of(reply.row()));
			this.outbox.appendAll(Topics.MT_ACCEPTED, List.of(reply.row().event()));
			return Optional.of(reply.row().event().messageId());
		}
		catch (InvalidRequestException ex) {
			return Optional.empty();
		}
	}

	/** Accepts what is valid in a batch, all in one transaction, and says what happened to each item. */
	BatchResult acceptBatch(String tenantId, List<SendMessageRequest> requests) {
		Tenant tenant = tenant(tenantId);
		this.limits.acquireRequest(tenant);
		Instant now = now();
		List<ItemResult> results = new ArrayList<>(requests.size());
		List<Accepted> valid = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			SendMessageRequest request = requests.get(i);
			try {
				if (request == null) {
					throw new InvalidRequestException(List.of(new FieldProblem("messages[" + i + "]",
							"must be a message object")));
				}
				Accepted accepted = prepare(tenant, request, now);
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
			rejected(tenant, "recipient-suppressed", suppressed);
			rejected(tenant, "invalid", rejected - suppressed);
		}
		return new BatchResult(valid.size(), rejected, results);
	}

	/** The tenant a token names, which must exist. */
	Tenant tenant(String tenantId) {
		return this.tenants.find(tenantId)
			.orElseThrow(() -> new AccessDeniedException("The access token names an unknown tenant"));
	}

	/** Validation only: the encoding of a body under the tenant's limits. */
	MessageValidator validator() {
		return this.validator;
	}

	private Accepted prepare(Tenant tenant, SendMessageRequest request, Instant now) {
		ValidMessage valid = this.validator.validate(request, tenant.getDefaultRegion(), tenant.getMaxParts(),
				tenant.isTransliterate(), now);
		DeliveryOptions options = valid.options();
		MessageAccepted event = new MessageAccepted(UUID.randomUUID(), tenant.getId(), valid.to(), valid.from(),
				valid.body(), valid.encoded().encoding().name(), valid.encoded().segmentCount(), valid.callbackUrl(),
				now, options.messageType(), options.validUntil());
		AcceptedMessage answer = new AcceptedMessage(event.messageId(), options.scheduled() ? "scheduled" : "accepted",
				event.to(), event.encoding(), event.segments(), valid.encoded().unitsLeft(),
				MessageStore.label(event.messageType().name()), options.clientReference(), options.sendAt(),
				options.validUntil(), ReplacementView.of(valid.encoded().replacements()));
		return new Accepted(new NewMessage(event, options.clientReference(), options.sendAt()), answer);
	}

	private void store(Tenant tenant, List<Accepted> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		List<NewMessage> rows = accepted.stream().map(Accepted::row).toList();
		List<MessageAccepted> now = rows.stream().filter((m) -> m.sendAt() == null).map(NewMessage::event).toList();
		this.transactions.executeWithoutResult((status) -> {
			this.limits.consumeDailyQuota(tenant, rows.size());
			this.messages.insertAll(rows);
			this.outbox.appendAll(Topics.MT_ACCEPTED, now);
		});
		Counter.builder("sms.messages.accepted")
			.description("Messages accepted by the API")
			.tag("tenant", tenant.getId())
			.register(this.meters)
			.increment(rows.size());
	}

	/** The accepted items whose recipients are not suppressed; the others' results become 422 problems. */
	private List<Accepted> withoutSuppressed(Tenant tenant, List<Accepted> valid, List<ItemResult> results) {
		Set<String> suppressed = this.suppressions.suppressedAmong(tenant.getId(),
				valid.stream().map((a) -> a.row().event().to()).toList());
		if (suppressed.isEmpty()) {
			return valid;
		}
		List<Accepted> kept = new ArrayList<>(valid.size());
		for (Accepted accepted : valid) {
			String to = accepted.row().event().to();
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

	private void rejected(Tenant tenant, String reason, long count) {
		if (count > 0) {
			Counter.builder("sms.messages.rejected")
				.description("Messages the API refused, by reason")
				.tag("tenant", tenant.getId())
				.tag("reason", reason)
				.register(this.meters)
				.increment(count);
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private record Accepted(NewMessage row, AcceptedMessage answer) {
	}

}
