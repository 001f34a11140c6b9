package io.smsgw.common.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.smsgw.common.web.ProblemResponses;

/**
 * The rest of a security chain for an API that only takes the api-service's bearer tokens
 * (router admin API, webhook API): JWT resource server, refusals as problem details (401 without
 * a valid token, 403 without the scope), stateless, no request cache, no CSRF.
 */
public final class BearerOnly {

	private BearerOnly() {
	}

	/**
	 * Applies it to {@code http}, whose request rules the caller has set.
	 * @param scope the scope the API needs, named in a 403's detail
	 */
	public static HttpSecurity apply(HttpSecurity http, String scope) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> ProblemResponses.write(response,
				HttpStatus.UNAUTHORIZED, "A valid bearer token is required", null);
		AccessDeniedHandler forbidden = (request, response, ex) -> ProblemResponses.write(response,
				HttpStatus.FORBIDDEN, "The token lacks the " + scope + " scope", null);
		return http
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}).authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
	}

}
