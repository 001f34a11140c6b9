package io.smsgw.api.twilio;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import io.smsgw.api.security.ClientSecrets;
import io.smsgw.api.tenant.ApiClient;
import io.smsgw.api.tenant.ApiClientRepository;

/**
 * The Twilio-compatible endpoints authenticate like Twilio: HTTP Basic with the client id as
 * account SID and the client secret as auth token (the previous secret too during a rotation
 * overlap). Sending needs scope {@code messages:send}, reading {@code messages:read}. Errors are
 * Twilio's JSON ({@code 20003}).
 */
@Configuration(proxyBeanMethods = false)
class TwilioSecurity {

	@Bean
	@Order(2)
	SecurityFilterChain twilioChain(HttpSecurity http, ApiClientRepository clients, PasswordEncoder encoder,
			JsonMapper json) throws Exception {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(clients));
		provider.setPasswordEncoder(encoder);
		http.securityMatcher(TwilioController.BASE + "/**")
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/**")
				.hasAuthority("SCOPE_messages:send")
				.requestMatchers(HttpMethod.GET, "/**")
				.hasAuthority("SCOPE_messages:read")
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"smsgw\"");
				write(json, response, 401, 20003, "Authenticate");
			}))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler((request, response, ex) -> write(json, response, 403, 20003,
						"The credentials do not allow this request")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	private static UserDetailsService users(ApiClientRepository clients) {
		return (clientId) -> {
			ApiClient client = (clientId != null && clientId.length() <= 200) ? clients.findById(clientId)
				.filter(ApiClient::isEnabled)
				.orElse(null) : null;
			if (client == null) {
				throw new UsernameNotFoundException("No such client");
			}
			return User.withUsername(client.getClientId())
				.password(ClientSecrets.accepting(client.getSecretHash(), client.previousSecretHashAt(Instant.now())))
				.authorities(client.getScopes().stream().map((scope) -> "SCOPE_" + scope).toArray(String[]::new))
				.build();
		};
	}

	static void write(JsonMapper json, HttpServletResponse response, int status, int code, String message)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), TwilioError.of(code, message, status));
	}

}
