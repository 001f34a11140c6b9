package io.smsgw.api.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

	MessageIntake(ApiProperties properties, MessageStore messages, OutboxStore outbox, TenantDirectory tenants,
			TenantLimits limits, TransactionTemplate transactions, MeterRegistry meters) {
		ApiProperties.Messages config = properties.messages();
		this.validator = new MessageValidator(config.maxParts(), config.maxValidity(), config.maxScheduleAhead());
		this.messages = messages;
		this.outbox = outbox;
		this.tenants = tenants;
		this.limits = limits;
		this.transactions = transactions;
		this.meters = meters;
	}

	/**
	 * Accepts one message.
	 * @throws InvalidRequestException naming each wrong field
	 */
	public AcceptedMessage accept(String tenantId, SendMessageRequest request) {
		Tenant tenant = tenant(tenantId);
		this.limits.acquireRequest(tenant);
		Accepted accepted = prepare(tenant, request, now());
		store(tenant, List.of(accepted));
		return accepted.answer();
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
				results.add(new ItemResult(i, "rejected", null,
						new ItemProblem("Bad Request", 400, "Validation failed", ex.problems())));
			}
		}
		store(tenant, valid);
		return new BatchResult(valid.size(), requests.size() - valid.size(), results);
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

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private record Accepted(NewMessage row, AcceptedMessage answer) {
	}

}
