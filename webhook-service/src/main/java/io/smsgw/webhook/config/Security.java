package io.smsgw.webhook.config;

/**
 * How the subscription API validates the api-service's access tokens ({@code sms.webhook.security.*}).
 *
 * @param jwkSetUri the issuer's JWK set (default {@code http://127.0.0.1:8080/oauth2/jwks} when no
 * issuer is set either)
 * @param issuerUri the expected {@code iss}; checked when set
 * @param scope the scope a token needs (default {@code webhooks:manage})
 * @param tenantClaim the claim naming the tenant (default {@code tenant_id}, as the api-service issues)
 */
public record Security(String jwkSetUri, String issuerUri, String scope, String tenantClaim) {

	public Security {
		jwkSetUri = (jwkSetUri == null || jwkSetUri.isBlank()) ? null : jwkSetUri;
		issuerUri = (issuerUri == null || issuerUri.isBlank()) ? null : issuerUri;
		if (jwkSetUri == null && issuerUri == null) {
			jwkSetUri = "http://127.0.0.1:8080/oauth2/jwks";
		}
		scope = (scope == null || scope.isBlank()) ? "webhooks:manage" : scope;
		tenantClaim = (tenantClaim == null || tenantClaim.isBlank()) ? "tenant_id" : tenantClaim;
	}

}
