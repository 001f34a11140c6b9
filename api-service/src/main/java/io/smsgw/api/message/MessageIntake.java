package io.smsgw.api.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.limit.TenantLimits;
import io.smsgw.api.message.MessageStore.NewMessage;
import io.smsgw.api.message.MessageValidator.ValidMessage;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;

/**
 * Accepts single messages: checks the tenant's rate, validates, then has {@link AcceptQueue}
 * store the message, its first history row, its daily-quota count and its {@link MessageAccepted}
 * outbox row (or its schedule) in a transaction shared with other concurrent single sends.
 * Returns only after the commit, so an accepted message is durable. Batches: {@link BatchIntake}.
 */
@Service
public class MessageIntake {

	private final MessageValidator validator;

	private final MessageStore messages;

	private final OutboxStore outbox;

	private final TenantDirectory tenants;

	private final TenantLimits limits;

	private final IntakeMeters meters;

	private final AcceptQueue queue;

	MessageIntake(ApiProperties properties, MessageStore messages, OutboxStore outbox, TenantDirectory tenants,
			TenantLimits limits, IntakeMeters meters, AcceptQueue queue) {
		ApiProperties.Messages config = properties.messages();
		this.validator = new MessageValidator(config.maxParts(), config.maxValidity(), config.maxScheduleAhead());
		this.messages = messages;
		this.outbox = outbox;
		this.tenants = tenants;
		this.limits = limits;
		this.meters = meters;
		this.queue = queue;
	}

	/**
	 * Accepts one message.
	 * @throws InvalidRequestException naming each wrong field
	 * @throws RecipientSuppressedException when the recipient is on the tenant's suppression list
	 * @throws io.smsgw.api.web.TooManyRequestsException when the tenant's rate or daily quota is used up
	 * @throws io.smsgw.api.web.ServiceBusyException when too many sends wait to be stored
	 */
	public AcceptedMessage accept(String tenantId, SendMessageRequest request) {
		Tenant tenant = tenant(tenantId);
		this.limits.acquireRequest(tenant);
		PreparedMessage prepared;
		try {
			prepared = prepare(tenant, request, now());
		}
		catch (InvalidRequestException ex) {
			this.meters.rejected(tenant, "invalid", 1);
			throw ex;
		}
		this.queue.store(tenant, prepared);
		return prepared.answer();
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
			PreparedMessage reply = prepare(tenant.get(), new SendMessageRequest(to, from, body, null), now());
			this.messages.insertAll(List.of(reply.row()));
			this.outbox.appendAll(Topics.MT_ACCEPTED, List.of(reply.row().event()));
			return Optional.of(reply.row().event().messageId());
		}
		catch (InvalidRequestException ex) {
			return Optional.empty();
		}
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

	/** Validates a message of the tenant and makes its rows and answer, with a new message id. */
	PreparedMessage prepare(Tenant tenant, SendMessageRequest request, Instant now) {
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
		return new PreparedMessage(new NewMessage(event, options.clientReference(), options.sendAt()), answer);
	}

	/** Now, at PostgreSQL's precision. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
