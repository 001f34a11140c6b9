package io.smsgw.webhook.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;
import io.smsgw.webhook.delivery.DeliveryDispatcher;
import io.smsgw.webhook.delivery.DeliveryQueries;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.delivery.DeliveryState;

/**
 * The tenant's delivery log: list (filters, cursor paging, newest first), one event's deliveries
 * with their attempts, and redelivery of a delivered or failed event (same event id).
 */
@RestController
@RequestMapping("/v1/webhooks/deliveries")
class DeliveryController {

	private static final int MAX_LIMIT = 200;

	private final DeliveryQueries queries;

	private final DeliveryDispatcher dispatcher;

	private final TenantClaims tenants;

	private final Clock clock;

	DeliveryController(DeliveryQueries queries, DeliveryDispatcher dispatcher, TenantClaims tenants, Clock clock) {
		this.queries = queries;
		this.dispatcher = dispatcher;
		this.tenants = tenants;
		this.clock = clock;
	}

	@GetMapping
	Map<String, Object> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String state,
			@RequestParam(required = false) UUID messageId, @RequestParam(required = false) String eventType,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidRequestException.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		List<DeliveryRecord> page = this.queries.list(this.tenants.tenantOf(jwt), state(state), messageId, eventType,
				(cursor != null) ? decode(cursor) : null, limit + 1);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", page.stream().limit(limit).map((record) -> DeliveryView.of(record, null)).toList());
		answer.put("nextCursor", (page.size() > limit) ? encode(page.get(limit - 1).id()) : null);
		return answer;
	}

	@GetMapping("/{eventId}")
	Map<String, Object> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID eventId) {
		return event(eventId, deliveries(this.tenants.tenantOf(jwt), eventId));
	}

	@PostMapping("/{eventId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> redeliver(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID eventId) {
		String tenant = this.tenants.tenantOf(jwt);
		deliveries(tenant, eventId);
		if (this.queries.redeliver(tenant, eventId, this.clock.instant()) == 0) {
			throw new ConflictException("Event " + eventId + " is still pending: only a delivered or failed event "
					+ "can be redelivered");
		}
		this.dispatcher.wake();
		return event(eventId, deliveries(tenant, eventId));
	}

	private List<DeliveryRecord> deliveries(String tenant, UUID eventId) {
		List<DeliveryRecord> deliveries = this.queries.ofEvent(tenant, eventId);
		if (deliveries.isEmpty()) {
			throw new NotFoundException("No webhook event " + eventId);
		}
		return deliveries;
	}

	private Map<String, Object> event(UUID eventId, List<DeliveryRecord> deliveries) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("eventId", eventId);
		answer.put("eventType", deliveries.get(0).eventType());
		answer.put("messageId", deliveries.get(0).messageId());
		answer.put("deliveries", deliveries.stream()
			.map((record) -> DeliveryView.of(record, this.queries.attempts(record.id())))
			.toList());
		return answer;
	}

	private static DeliveryState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		for (DeliveryState value : DeliveryState.values()) {
			if (value.name().equalsIgnoreCase(state.trim())) {
				return value;
			}
		}
		throw InvalidRequestException.of("state", "one of pending, delivered, failed");
	}

	private static String encode(long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
	}

	private static Long decode(String cursor) {
		try {
			return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.of("cursor", "is not a cursor this API returned");
		}
	}

}
