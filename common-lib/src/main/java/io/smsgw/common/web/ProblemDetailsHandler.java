package io.smsgw.common.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
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
 * validation failures as 400 with every field error, 404, 409, a 503 with {@code Retry-After} while
 * the database cannot be reached (see {@link #databaseUnavailable}), and a 500 that logs the cause
 * but never shows it. A service extends it in a {@code @RestControllerAdvice} and adds what is its
 * own.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	/** {@code Retry-After} of a 503 answered while the database cannot be reached. */
	public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

	/** The problem type of a 503 answered while the database cannot be reached. */
	public static final String DATABASE_UNAVAILABLE_TYPE = "urn:smsgw:problem:service-unavailable";

	/** What a 503 answered while the database cannot be reached says. */
	public static final String DATABASE_UNAVAILABLE_DETAIL = "The service is temporarily unavailable; try again shortly";

	/**
	 * Spring's data-access failures that mean "the database cannot be reached or is busy now", by
	 * name (common-lib does not depend on spring-tx): each type and its subclasses.
	 */
	private static final Set<String> TRANSIENT_TYPES = Set.of("org.springframework.dao.TransientDataAccessException",
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.RecoverableDataAccessException",
			"org.springframework.transaction.CannotCreateTransactionException",
			"org.hibernate.exception.JDBCConnectionException");

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
		if (databaseUnavailable(ex)) {
			logDatabaseUnavailable(request.getDescription(false), ex);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					DATABASE_UNAVAILABLE_DETAIL);
			problem.setType(URI.create(DATABASE_UNAVAILABLE_TYPE));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Integer.toString(DATABASE_RETRY_AFTER_SECONDS))
				.body(problem);
		}
		log.error("Unexpected failure handling {}", request.getDescription(false), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred", List.of());
	}

	/**
	 * Whether a failure means the database cannot be reached (down, restarting, no connection in
	 * the pool in time) or is transiently failing, so that a retry shortly after may succeed: a
	 * transient or resource-failure data-access exception, a transaction that could not begin, a
	 * JDBC connection exception, an SQL state of class 08 (connection) or 57P0x (shutting down,
	 * starting up), or a pooled connection the pool closed after such a failure, anywhere in the
	 * cause chain.
	 */
	public static boolean databaseUnavailable(Throwable ex) {
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			if (cause instanceof SQLException && poolClosedConnection(cause)) {
				return true;
			}
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (TRANSIENT_TYPES.contains(type.getName())) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Hikari's answer (no SQL state) when a pooled connection it evicted after a connection failure
	 * is used again, e.g. by the rollback of the transaction that failed: the rollback's exception
	 * replaces the original one.
	 */
	private static boolean poolClosedConnection(Throwable ex) {
		StackTraceElement[] stack = ex.getStackTrace();
		return "Connection is closed".equals(ex.getMessage()) && stack.length > 0
				&& stack[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
	}

	/** One WARN line for a request failed by the database outage: the request and the cause's types, no stack. */
	public static void logDatabaseUnavailable(String request, Throwable ex) {
		log.warn("Database unavailable handling {}: answered 503 ({})", request, causeTypes(ex));
	}

	private static String causeTypes(Throwable ex) {
		StringBuilder types = new StringBuilder();
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 8; cause = cause.getCause(), depth++) {
			if (types.length() > 0) {
				types.append(" <- ");
			}
			types.append(cause.getClass().getSimpleName());
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				types.append('[').append(sql.getSQLState()).append(']');
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return types.toString();
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
