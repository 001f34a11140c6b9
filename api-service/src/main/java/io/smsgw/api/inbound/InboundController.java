package io.smsgw.api.inbound;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.security.TenantClaims;
import io.smsgw.api.web.PageCursor;
import io.smsgw.common.web.NotFoundException;

/**
 * Inbound messages: a tenant reads its own ({@code messages:read}); operators read the ones
 * nobody owns ({@code admin}).
 */
@RestController
class InboundController {

	private final InboundStore store;

	private final TenantClaims tenants;

	InboundController(InboundStore store, TenantClaims tenants) {
		this.store = store;
		this.tenants = tenants;
	}

	@GetMapping(path = "/v1/inbound", produces = MediaType.APPLICATION_JSON_VALUE)
	InboundList<InboundView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		PageCursor.Page page = PageCursor.read(cursor, limit);
		return this.store.page(this.tenants.tenantOf(jwt), page.after(), page.limit());
	}

	@GetMapping(path = "/v1/inbound/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	InboundView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		String tenantId = this.tenants.tenantOf(jwt);
		return this.store.find(tenantId, parse(id)).orElseThrow(() -> notFound(id));
	}

	@GetMapping(path = "/v1/admin/inbound/unrouted", produces = MediaType.APPLICATION_JSON_VALUE)
	InboundList<UnroutedView> unrouted(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		PageCursor.Page page = PageCursor.read(cursor, limit);
		return this.store.unrouted(page.after(), page.limit());
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
		return new NotFoundException("No inbound message " + ((id.length() <= 64) ? id : id.substring(0, 64) + "…"));
	}

}
