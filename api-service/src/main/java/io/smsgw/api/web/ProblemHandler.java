package io.smsgw.api.web;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one mapping of errors to RFC 9457 problem details for the API: Spring MVC's own cases
 * (404, 405, 415…) plus malformed or invalid bodies, oversize bodies and missing messages. No
 * stack trace or exception text of unexpected errors ever reaches the caller.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causeOf(ex, RequestSizeFilter.PayloadTooLargeException.class) != null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large", List.of());
		}
		UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return problem(HttpStatus.BAD_REQUEST, "Validation failed",
					List.of(new FieldProblem(path(unknown), "unknown field")));
		}
		MismatchedInputException mismatched = causeOf(ex, MismatchedInputException.class);
		if (mismatched != null && !mismatched.getPath().isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Validation failed",
					List.of(new FieldProblem(path(mismatched), "has the wrong type or is out of range")));
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed JSON request body", List.of());
	}

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Validation failed", ex.problems());
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
	}

	@ExceptionHandler
	ResponseEntity<Object> tooMany(TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<Object> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of());
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure handling {}", request.getDescription(false), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred", List.of());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
