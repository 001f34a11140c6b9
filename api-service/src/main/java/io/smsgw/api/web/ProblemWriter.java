package io.smsgw.api.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.smsgw.common.web.ProblemResponses;

/**
 * Writes RFC 9457 problem details where Spring MVC's exception handling does not reach: servlet
 * filters and the security layer (401, 403, 413).
 */
@Component
public class ProblemWriter {

	/** Sets the status and writes {@code application/problem+json}; the caller may set headers before. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemResponses.write(response, status, detail, request.getRequestURI());
	}

}
