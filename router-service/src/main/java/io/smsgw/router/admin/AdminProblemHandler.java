package io.smsgw.router.admin;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.smsgw.router.admin.AdminProblems.ConflictException;
import io.smsgw.router.admin.AdminProblems.FieldProblem;
import io.smsgw.router.admin.AdminProblems.InvalidRequestException;
import io.smsgw.router.admin.AdminProblems.NotFoundException;

/** The one mapping of the admin API's errors to RFC 9457 problem details. */
@RestControllerAdvice
class AdminProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
	ResponseEntity<Object> kafkaDown(KafkaException ex) {
		log.warn("Kafka unavailable for an admin change: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka is unavailable; try again", List.of());
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

}
