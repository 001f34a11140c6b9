package io.smsgw.api.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.smsgw.common.web.ProblemDetailsHandler;

/**
 * The API's errors as RFC 9457 problem details: the mapping every service shares (Spring MVC's own
 * cases, malformed and invalid bodies, 404, 409, 500 without details) plus oversize bodies, rate
 * limits, a full intake queue (503) and missing scopes.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemDetailsHandler {

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causeOf(ex, RequestSizeFilter.PayloadTooLargeException.class) != null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large", List.of());
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> tooMany(TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> busy(ServiceBusyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
	}

}
