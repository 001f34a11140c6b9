package io.smsgw.api.message;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.security.TenantClaims;
import io.smsgw.api.web.NotFoundException;

/**
 * {@code POST /v1/messages} (scope {@code messages:send}) and {@code GET /v1/messages/{id}}
 * (scope {@code messages:read}), always for the tenant the access token names.
 */
@RestController
class MessageController {

	private final MessageIntake intake;

	private final MessageStore messages;

	private final TenantClaims tenants;

	MessageController(MessageIntake intake, MessageStore messages, TenantClaims tenants) {
		this.intake = intake;
		this.messages = messages;
		this.tenants = tenants;
	}

	@PostMapping(path = "/v1/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcceptedMessage> send(@AuthenticationPrincipal Jwt jwt, @RequestBody SendMessageRequest request) {
		AcceptedMessage accepted = this.intake.accept(this.tenants.tenantOf(jwt), request);
		return ResponseEntity.accepted().location(URI.create("/v1/messages/" + accepted.id())).body(accepted);
	}

	@GetMapping(path = "/v1/messages/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	MessageView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		String tenantId = this.tenants.tenantOf(jwt);
		UUID messageId = parse(id);
		return this.messages.find(tenantId, messageId)
			.orElseThrow(() -> new NotFoundException("No message " + id));
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
		throw new NotFoundException("No message " + id);
	}

}
