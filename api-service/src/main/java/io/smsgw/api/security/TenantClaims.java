package io.smsgw.api.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.smsgw.api.config.ApiProperties;

/**
 * Reads the tenant a request acts for from its access token (claim {@code sms.api.jwt.tenant-claim}).
 */
@Component
public class TenantClaims {

	private final String claim;

	TenantClaims(ApiProperties properties) {
		this.claim = properties.jwt().tenantClaim();
	}

	/**
	 * The tenant id of a token.
	 * @throws AccessDeniedException when the token names no tenant (answered 403)
	 */
	public String tenantOf(Jwt jwt) {
		Object tenant = (jwt != null) ? jwt.getClaims().get(this.claim) : null;
		if (tenant == null || tenant.toString().isBlank()) {
			throw new AccessDeniedException("The access token names no tenant (claim '" + this.claim + "')");
		}
		return tenant.toString();
	}

}
