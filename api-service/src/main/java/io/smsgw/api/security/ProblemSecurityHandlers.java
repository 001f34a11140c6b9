package io.smsgw.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.smsgw.api.web.ProblemWriter;

/**
 * 401 and 403 as problem details, with the {@code WWW-Authenticate} header of RFC 6750. Details
 * stay generic: they never echo the token.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();

	private final ProblemWriter problems;

	ProblemSecurityHandlers(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		boolean tokenGiven = request.getHeader("Authorization") != null;
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				tokenGiven ? "The access token is invalid or expired" : "A bearer access token is required");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDeniedHandler.handle(request, response, accessDeniedException);
		this.problems.write(request, response, HttpStatus.FORBIDDEN,
				"The access token does not grant the scope this request needs");
	}

}
