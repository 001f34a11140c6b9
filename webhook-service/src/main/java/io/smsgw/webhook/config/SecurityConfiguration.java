package io.smsgw.webhook.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.smsgw.common.security.BearerOnly;
import io.smsgw.common.security.IssuerJwtDecoders;

/**
 * The subscription API is an OAuth2 resource server, like the router's admin API: JWTs from the
 * api-service's issuer with the {@code webhooks:manage} scope; the tenant is the token's tenant
 * claim. Health and Prometheus are open. Refusals are problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain webhookChain(HttpSecurity http, WebhookProperties properties) throws Exception {
		String scope = properties.security().scope();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
			.permitAll()
			.requestMatchers("/v1/webhooks", "/v1/webhooks/**")
			.hasAuthority("SCOPE_" + scope)
			.anyRequest()
			.authenticated());
		BearerOnly.apply(http, scope);
		return http.build();
	}

	/**
	 * Keys from the JWK set URI (fetched lazily, cached; 5 s to connect, 10 s to answer), issuer
	 * checked when one is configured.
	 */
	@Bean
	JwtDecoder jwtDecoder(WebhookProperties properties) {
		return IssuerJwtDecoders.of(properties.security().jwkSetUri(), properties.security().issuerUri());
	}

}
