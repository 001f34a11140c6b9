package io.smsgw.api.message;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.message.MessageStore.CancelOutcome;
import io.smsgw.api.security.TenantClaims;
import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;

/**
 * The messages of the tenant the access token names: send one or a batch, preview, cancel a
 * scheduled one ({@code messages:send}), read one or a filtered list ({@code messages:read}).
 */
@RestController
class MessageController {

	private final MessageIntake intake;

	private final BatchIntake batches;

	private final MessageStore messages;

	private final MessageQuery query;

	private final TenantClaims tenants;

	private final TransactionTemplate transactions;

	private final MessagePreviewer previewer;

	private final int maxBatchSize;

	MessageController(MessageIntake intake, BatchIntake batches, MessageStore messages, MessageQuery query, TenantClaims tenants,
			TransactionTemplate transactions, ApiProperties properties) {
		this.intake = intake;
		this.batches = batches;
		this.messages = messages;
		this.query = query;
		this.tenants = tenants;
		this.transactions = transactions;
		this.previewer = new MessagePreviewer(intake.validator());
		this.maxBatchSize = properties.messages().maxBatchSize();
	}

	@PostMapping(path = "/v1/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcceptedMessage> send(@AuthenticationPrincipal Jwt jwt, @RequestBody SendMessageRequest request) {
		AcceptedMessage accepted = this.intake.accept(this.tenants.tenantOf(jwt), request);
		return ResponseEntity.accepted().location(URI.create("/v1/messages/" + accepted.id())).body(accepted);
	}

	@PostMapping(path = "/v1/messages/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	BatchResult sendBatch(@AuthenticationPrincipal Jwt jwt, @RequestBody BatchRequest request) {
		List<SendMessageRequest> items = request.messages();
		if (items == null || items.isEmpty() || items.size() > this.maxBatchSize) {
			throw new InvalidRequestException(List.of(new FieldProblem("messages",
					"must hold 1 to " + this.maxBatchSize + " messages")));
		}
		return this.batches.accept(this.tenants.tenantOf(jwt), items);
	}

	@PostMapping(path = "/v1/messages/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Preview preview(@AuthenticationPrincipal Jwt jwt, @RequestBody PreviewRequest request) {
		return this.previewer.preview(this.intake.tenant(this.tenants.tenantOf(jwt)), request);
	}

	@GetMapping(path = "/v1/messages/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	MessageView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		String tenantId = this.tenants.tenantOf(jwt);
		return this.messages.find(tenantId, parse(id)).orElseThrow(() -> notFound(id));
	}

	/** Cancels a scheduled message that has not been handed on for sending yet. */
	@DeleteMapping(path = "/v1/messages/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	MessageView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		String tenantId = this.tenants.tenantOf(jwt);
		UUID messageId = parse(id);
		CancelOutcome outcome = this.transactions.execute((status) -> this.messages.cancel(tenantId, messageId));
		if (outcome == CancelOutcome.NOT_FOUND) {
			throw notFound(id);
		}
		if (outcome == CancelOutcome.ALREADY_RELAYED) {
			throw new ConflictException("Message " + id + " is not a scheduled message waiting to be sent "
					+ "(it was sent or cancelled already)");
		}
		return this.messages.find(tenantId, messageId).orElseThrow(() -> notFound(id));
	}

	@GetMapping(path = "/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	MessageList list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
			@RequestParam(required = false) String to, @RequestParam(required = false) String from,
			@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			@RequestParam(required = false) String clientReference, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		String tenantId = this.tenants.tenantOf(jwt);
		ListParameters parameters = ListParameters.read(status, to, from, since, until, clientReference, cursor,
				limit, this.intake.tenant(tenantId).getDefaultRegion());
		return this.query.page(tenantId, parameters.filter(), parameters.cursor(), parameters.limit());
	}

	private static UUID parse(String id) {
		try {
			if (id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// answered like a missing message
		}
		throw notFound(id);
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("No message " + ((id.length() <= 64) ? id : id.substring(0, 64) + "…"));
	}

}
