package io.smsgw.api.security;

import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.tenant.ApiClientRepository;
import io.smsgw.api.web.ProblemWriter;

/**
 * Two filter chains: the embedded authorization server (client-credentials tokens at
 * {@code /oauth2/token}, keys at {@code /oauth2/jwks}), and the API as a resource server that
 * checks scopes; health and Prometheus stay open, everything else needs a token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SEND = "SCOPE_messages:send";

	static final String READ = "SCOPE_messages:read";

	static final String ADMIN = "SCOPE_admin";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> http.securityMatcher(server.getEndpointsMatcher()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter problems) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/v1/admin/**")
			.hasAuthority(ADMIN)
			.requestMatchers(HttpMethod.POST, "/v1/messages", "/v1/messages/batch", "/v1/messages/preview")
			.hasAuthority(SEND)
			.requestMatchers(HttpMethod.DELETE, "/v1/messages/*")
			.hasAuthority(SEND)
			.requestMatchers(HttpMethod.GET, "/v1/messages", "/v1/messages/*")
			.hasAuthority(READ)
			.requestMatchers(HttpMethod.GET, "/v1/numbers", "/v1/inbound", "/v1/inbound/*", "/v1/suppressions",
					"/v1/suppressions/*", "/v1/keyword-sets")
			.hasAuthority(READ)
			.requestMatchers(HttpMethod.PUT, "/v1/suppressions/*", "/v1/keyword-sets/*")
			.hasAuthority(SEND)
			.requestMatchers(HttpMethod.DELETE, "/v1/suppressions/*", "/v1/keyword-sets/*")
			.hasAuthority(SEND)
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}).authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * No observation (metrics, spans) of every security filter, authentication and authorization:
	 * on a send they cost more CPU than the send itself. HTTP requests stay observed
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's strict firewall, with a header check that costs a pass over the text instead of a regex. */
	@Bean
	WebSecurityCustomizer headerFirewall() {
		StrictHttpFirewall firewall = HeaderCharacters.firewall();
		return (web) -> web.httpFirewall(firewall);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return ClientSecrets.encoder();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(ApiProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(properties.jwt())));
	}

	/**
	 * Own tokens are checked against the own public key in process; an external issuer's against
	 * its keys. Verified tokens are remembered ({@link VerifiedTokenCache}): a client's requests
	 * with one token pay its signature check once.
	 */
	@Bean
	JwtDecoder jwtDecoder(ApiProperties properties, JWKSource<SecurityContext> jwkSource) {
		ApiProperties.Jwt jwt = properties.jwt();
		NimbusJwtDecoder decoder;
		OAuth2TokenValidator<Jwt> validator;
		if (!jwt.external()) {
			// the public half only: Nimbus converts every key it selects, and the private one is costly
			decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(publicKeys(jwkSource));
			// with an issuer, a token signed with the same key elsewhere (another deployment) is refused
			validator = hasText(jwt.issuer()) ? JwtValidators.createDefaultWithIssuer(jwt.issuer())
					: JwtValidators.createDefault();
		}
		else {
			boolean hasIssuer = hasText(jwt.issuerUri());
			decoder = (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank())
					? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
					: NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
			validator = hasIssuer ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
					: new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault());
		}
		decoder.setJwtValidator(validator);
		if (jwt.verifiedCacheSize() == 0) {
			return decoder;
		}
		return new VerifiedTokenCache(decoder, validator, jwt.verifiedCacheSize(), jwt.verifiedCacheTtl(),
				Clock.systemUTC());
	}

	private static JWKSource<SecurityContext> publicKeys(JWKSource<SecurityContext> keys) {
		if (keys instanceof ImmutableJWKSet<SecurityContext> set) {
			return new ImmutableJWKSet<>(set.getJWKSet().toPublicJWKSet());
		}
		return keys;
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(ApiClientRepository clients, ApiProperties properties) {
		return new ApiClientRegistry(clients, properties.jwt().tokenTtl());
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new StatelessAuthorizationService();
	}

	/** With {@code sms.api.jwt.issuer} set, every token carries it, whatever URL the client used. */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(ApiProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (hasText(properties.jwt().issuer())) {
			settings.issuer(properties.jwt().issuer());
		}
		return settings.build();
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/** Puts the tenant into access tokens, and all of the client's scopes when it asked for none. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tenantTokenCustomizer(ApiProperties properties) {
		String claim = properties.jwt().tenantClaim();
		return (context) -> {
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			Object tenant = context.getRegisteredClient().getClientSettings().getSetting(ApiClientRegistry.TENANT_SETTING);
			context.getClaims().claim(claim, tenant);
			if (context.getAuthorizedScopes().isEmpty()) {
				context.getClaims().claim("scope", context.getRegisteredClient().getScopes());
			}
		};
	}

}
