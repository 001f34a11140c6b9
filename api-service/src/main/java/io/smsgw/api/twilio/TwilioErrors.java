package io.smsgw.api.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;
import io.smsgw.common.web.ProblemDetailsHandler;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.web.ServiceBusyException;
import io.smsgw.api.web.TooManyRequestsException;

/**
 * Errors of the Twilio-compatible endpoints in Twilio's form {@code {code, message, more_info, status}},
 * with Twilio's error codes.
 */
@RestControllerAdvice(assignableTypes = TwilioController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TwilioErrors {

	private static final Logger log = LoggerFactory.getLogger(TwilioErrors.class);

	@ExceptionHandler
	ResponseEntity<TwilioError> invalid(InvalidRequestException ex) {
		FieldProblem first = ex.problems().get(0);
		return ResponseEntity.badRequest().body(TwilioError.of(code(first), message(first), 400));
	}

	/** Twilio's answer to a send to a number that replied STOP. */
	@ExceptionHandler
	ResponseEntity<TwilioError> suppressed(RecipientSuppressedException ex) {
		return ResponseEntity.badRequest().body(TwilioError.of(21610, "Attempt to send to unsubscribed recipient", 400));
	}

	@ExceptionHandler
	ResponseEntity<TwilioError> notFound(NotFoundException ex) {
		return ResponseEntity.status(404).body(TwilioError.of(20404, ex.getMessage(), 404));
	}

	@ExceptionHandler
	ResponseEntity<TwilioError> tooMany(TooManyRequestsException ex) {
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(TwilioError.of(20429, ex.getMessage(), 429));
	}

	@ExceptionHandler
	ResponseEntity<TwilioError> busy(ServiceBusyException ex) {
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(TwilioError.of(20503, ex.getMessage(), 503));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<TwilioError> unreadable(Exception ex) {
		return ResponseEntity.badRequest()
			.body(TwilioError.of(20001, "The request must be form-encoded (application/x-www-form-urlencoded)", 400));
	}

	@ExceptionHandler
	ResponseEntity<TwilioError> unexpected(Exception ex) {
		if (ProblemDetailsHandler.databaseUnavailable(ex)) {
			ProblemDetailsHandler.logDatabaseUnavailable("the Twilio-compatible API", ex);
			return ResponseEntity.status(503)
				.header(HttpHeaders.RETRY_AFTER, Integer.toString(ProblemDetailsHandler.DATABASE_RETRY_AFTER_SECONDS))
				.body(TwilioError.of(20503, ProblemDetailsHandler.DATABASE_UNAVAILABLE_DETAIL, 503));
		}
		log.error("Unexpected failure on the Twilio-compatible API", ex);
		return ResponseEntity.status(500).body(TwilioError.of(20500, "An internal server error has occurred", 500));
	}

	private static int code(FieldProblem problem) {
		boolean blank = problem.message().startsWith("must not be blank");
		switch (problem.field()) {
			case "to":
				return blank ? 21604 : 21211;
			case "from":
				return blank ? 21603 : 21212;
			case "body":
				return blank ? 21602 : 21617;
			case "callbackUrl":
				return 21609;
			case "validityPeriod":
				return 21623;
			default:
				return 20001;
		}
	}

	private static String message(FieldProblem problem) {
		switch (problem.field()) {
			case "to":
				return "The 'To' number " + problem.message();
			case "from":
				return "The 'From' number " + problem.message();
			case "body":
				return "The message body " + problem.message();
			case "callbackUrl":
				return "The StatusCallback " + problem.message();
			case "validityPeriod":
				return "The ValidityPeriod " + problem.message();
			default:
				return problem.field() + " " + problem.message();
		}
	}

}
