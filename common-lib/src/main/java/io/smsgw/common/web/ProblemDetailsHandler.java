package io.smsgw.common.web;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The mapping of the gateway's HTTP errors to RFC 9457 problem details that every service with an
 * HTTP API shares: malformed JSON, unknown fields and wrong types as 400 naming the field,
 * validation failures as 400 with every field error, 404, 409, and a 500 that logs the cause but
 * never shows it. A service extends it in a {@code @RestControllerAdvice} and adds what is its own.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure handling {}", request.getDescription(false), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred", List.of());
	}

	/** A problem-details answer, with an {@code errors} array when there are field problems. */
	protected static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
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

	/** The first cause of a type in an exception's chain, or {@code null}. */
	protected static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
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
