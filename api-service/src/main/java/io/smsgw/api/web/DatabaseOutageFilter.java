package io.smsgw.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.smsgw.common.web.ProblemDetailsHandler;

/**
 * Answers 503 with a problem document and {@code Retry-After} when a request fails outside Spring
 * MVC (the token endpoint, the security filters) because the database cannot be reached; the
 * controllers' own failures are mapped by {@link ProblemHandler}. Anything else goes on as thrown.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!ProblemDetailsHandler.databaseUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			ProblemDetailsHandler.logDatabaseUnavailable("uri=" + request.getRequestURI(), ex);
			response.resetBuffer();
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", ProblemDetailsHandler.DATABASE_UNAVAILABLE_TYPE);
			problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
			problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
			problem.put("detail", ProblemDetailsHandler.DATABASE_UNAVAILABLE_DETAIL);
			problem.put("instance", request.getRequestURI());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Integer.toString(ProblemDetailsHandler.DATABASE_RETRY_AFTER_SECONDS));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JSON.writeValue(response.getOutputStream(), problem);
		}
	}

}
