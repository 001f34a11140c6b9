package io.smsgw.webhook.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.smsgw.common.web.ProblemDetailsHandler;

/**
 * The webhook API's errors as RFC 9457 problem details (the shared mapping, plus 403 for a token
 * that names no tenant).
 */
@RestControllerAdvice
class WebhookProblemHandler extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
	}

}
