package io.smsgw.api.suppression;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.security.TenantClaims;
import io.smsgw.api.suppression.SuppressionStore.Source;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.api.web.PageCursor;
import io.smsgw.common.phone.PhoneNumbers;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;

/**
 * The tenant's suppression list: numbers that opted out (by a STOP keyword or through this API).
 * Reading needs {@code messages:read}, changing it {@code messages:send}.
 */
@RestController
class SuppressionController {

	private final SuppressionStore store;

	private final TenantClaims claims;

	private final TenantDirectory tenants;

	private final TransactionTemplate transactions;

	SuppressionController(SuppressionStore store, TenantClaims claims, TenantDirectory tenants,
			TransactionTemplate transactions) {
		this.store = store;
		this.claims = claims;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	@GetMapping(path = "/v1/suppressions", produces = MediaType.APPLICATION_JSON_VALUE)
	SuppressionList list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		PageCursor.Page page = PageCursor.read(cursor, limit);
		return this.store.page(this.claims.tenantOf(jwt), page.after(), page.limit());
	}

	@GetMapping(path = "/v1/suppressions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	SuppressionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String number) {
		Tenant tenant = tenant(jwt);
		String e164 = e164(number, tenant);
		return this.store.find(tenant.getId(), e164).orElseThrow(() -> notSuppressed(e164));
	}

	/** Suppresses a number: 201 when it was not suppressed, 200 when it already was. */
	@PutMapping(path = "/v1/suppressions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SuppressionView> put(@AuthenticationPrincipal Jwt jwt, @PathVariable String number) {
		Tenant tenant = tenant(jwt);
		String e164 = e164(number, tenant);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Boolean changed = this.transactions.execute((status) -> this.store.find(tenant.getId(), e164).isEmpty()
				&& this.store.change(tenant.getId(), e164, true, Source.API, null, now));
		SuppressionView view = this.store.find(tenant.getId(), e164).orElseThrow(() -> notSuppressed(e164));
		return ResponseEntity.status(Boolean.TRUE.equals(changed) ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/v1/suppressions/" + e164))
			.body(view);
	}

	/** Lifts a suppression; 404 when the number is not suppressed. */
	@DeleteMapping(path = "/v1/suppressions/{number}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String number) {
		Tenant tenant = tenant(jwt);
		String e164 = e164(number, tenant);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Boolean lifted = this.transactions.execute((status) -> this.store.find(tenant.getId(), e164).isPresent()
				&& this.store.change(tenant.getId(), e164, false, Source.API, null, now));
		if (!Boolean.TRUE.equals(lifted)) {
			throw notSuppressed(e164);
		}
		return ResponseEntity.noContent().build();
	}

	private Tenant tenant(Jwt jwt) {
		String tenantId = this.claims.tenantOf(jwt);
		return this.tenants.find(tenantId)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
					"The access token names an unknown tenant"));
	}

	private static String e164(String number, Tenant tenant) {
		return PhoneNumbers.toE164(number, tenant.getDefaultRegion())
			.orElseThrow(() -> InvalidRequestException.of("number", "is not a valid phone number"
					+ ((tenant.getDefaultRegion() == null) ? " in international format (+<country code><number>)" : "")));
	}

	private static NotFoundException notSuppressed(String number) {
		return new NotFoundException("The number " + number + " is not on the suppression list");
	}

}
