package io.smsgw.webhook.api;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.smsgw.webhook.config.WebhookProperties;

/**
 * Reads the tenant a request acts for from its access token (claim {@code sms.webhook.security.tenant-claim},
 * the same the api-service writes).
 */
@Component
class TenantClaims {

	private final String claim;

	TenantClaims(WebhookProperties properties) {
		this.claim = properties.security().tenantClaim();
	}

	/**
	 * The tenant id of a token.
	 * @throws AccessDeniedException when the token names no tenant (answered 403)
	 */
	String tenantOf(Jwt jwt) {
		Object tenant = (jwt != null) ? jwt.getClaims().get(this.claim) : null;
		if (tenant == null || tenant.toString().isBlank()) {
			throw new AccessDeniedException("The access token names no tenant (claim '" + this.claim + "')");
		}
		return tenant.toString();
	}

}
