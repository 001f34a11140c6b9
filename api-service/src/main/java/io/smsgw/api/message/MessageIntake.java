package io.smsgw.api.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.message.MessageValidator.ValidMessage;
import io.smsgw.api.outbox.OutboxStore;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.Topics;

/**
 * Accepts a message: validates it, then stores it, its first history row and its
 * {@link MessageAccepted} outbox row in one transaction. Returns only after the commit, so an
 * accepted message is durable.
 */
@Service
class MessageIntake {

	private final MessageValidator validator;

	private final MessageStore messages;

	private final OutboxStore outbox;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	MessageIntake(ApiProperties properties, MessageStore messages, OutboxStore outbox, TenantDirectory tenants,
			TransactionTemplate transactions, MeterRegistry meters) {
		this.validator = new MessageValidator(properties.messages().maxParts());
		this.messages = messages;
		this.outbox = outbox;
		this.tenants = tenants;
		this.transactions = transactions;
		this.meters = meters;
	}

	AcceptedMessage accept(String tenantId, SendMessageRequest request) {
		Tenant tenant = this.tenants.find(tenantId)
			.orElseThrow(() -> new AccessDeniedException("The access token names an unknown tenant"));
		ValidMessage valid = this.validator.validate(request, tenant.getDefaultRegion());
		MessageAccepted event = new MessageAccepted(UUID.randomUUID(), tenantId, valid.to(), valid.from(),
				valid.body(), valid.encoded().encoding().name(), valid.encoded().segmentCount(), valid.callbackUrl(),
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.transactions.executeWithoutResult((status) -> {
			this.messages.insertAccepted(event);
			this.outbox.append(Topics.MT_ACCEPTED, event);
		});
		Counter.builder("sms.messages.accepted")
			.description("Messages accepted by the API")
			.tag("tenant", tenantId)
			.register(this.meters)
			.increment();
		return new AcceptedMessage(event.messageId(), "accepted", event.to(), event.encoding(), event.segments(),
				valid.encoded().unitsLeft());
	}

}
