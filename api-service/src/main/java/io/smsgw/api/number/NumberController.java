package io.smsgw.api.number;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.number.NumberRecords.OwnedNumbers;
import io.smsgw.api.security.TenantClaims;

/**
 * {@code GET /v1/numbers} ({@code messages:read}): the numbers, short codes and keywords on shared
 * short codes whose inbound messages go to the tenant. Operators assign them (admin API).
 */
@RestController
class NumberController {

	private final NumberStore numbers;

	private final TenantClaims tenants;

	NumberController(NumberStore numbers, TenantClaims tenants) {
		this.numbers = numbers;
		this.tenants = tenants;
	}

	@GetMapping(path = "/v1/numbers", produces = MediaType.APPLICATION_JSON_VALUE)
	OwnedNumbers list(@AuthenticationPrincipal Jwt jwt) {
		return new OwnedNumbers(this.numbers.owned(this.tenants.tenantOf(jwt)));
	}

}
