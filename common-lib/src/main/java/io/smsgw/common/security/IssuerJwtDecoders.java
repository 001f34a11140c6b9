package io.smsgw.common.security;

import java.time.Duration;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The token check of the services that accept the api-service's JWTs (router admin API, webhook
 * API): keys from the issuer's JWK set (fetched lazily and cached; 5 s to connect, 10 s to
 * answer), the issuer checked when one is configured.
 */
public final class IssuerJwtDecoders {

	private IssuerJwtDecoders() {
	}

	/**
	 * @param jwkSetUri where the keys are, or {@code null} to discover them from {@code issuerUri}
	 * @param issuerUri the issuer tokens must name, or {@code null} not to check it
	 */
	public static JwtDecoder of(String jwkSetUri, String issuerUri) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(5));
		requests.setReadTimeout(Duration.ofSeconds(10));
		RestTemplate keys = new RestTemplate(requests);
		NimbusJwtDecoder decoder = (jwkSetUri != null)
				? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).restOperations(keys).build()
				: NimbusJwtDecoder.withIssuerLocation(issuerUri).restOperations(keys).build();
		decoder.setJwtValidator((issuerUri != null) ? JwtValidators.createDefaultWithIssuer(issuerUri)
				: JwtValidators.createDefault());
		return decoder;
	}

}
