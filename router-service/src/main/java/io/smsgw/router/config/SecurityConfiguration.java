package io.smsgw.router.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.smsgw.common.security.BearerOnly;
import io.smsgw.common.security.IssuerJwtDecoders;

/**
 * The admin API is an OAuth2 resource server: JWTs from the api-service's issuer with the admin
 * scope. Health, Prometheus and the OpenAPI description are open. Refusals are problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain routerChain(HttpSecurity http, RouterProperties properties) throws Exception {
		String adminAuthority = "SCOPE_" + properties.security().adminScope();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/v1/admin/**")
			.hasAuthority(adminAuthority)
			.anyRequest()
			.authenticated());
		BearerOnly.apply(http, properties.security().adminScope());
		return http.build();
	}

	/** Keys from the JWK set URI (fetched lazily, cached), issuer checked when one is configured. */
	@Bean
	JwtDecoder jwtDecoder(RouterProperties properties) {
		return IssuerJwtDecoders.of(properties.security().jwkSetUri(), properties.security().issuerUri());
	}

}
