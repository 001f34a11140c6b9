package io.smsgw.api.suppression;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.smsgw.common.web.FieldProblem;

/**
 * A send to a suppressed recipient as an RFC 9457 problem: 422, type {@code …/recipient-suppressed},
 * naming the field {@code to}. Ahead of the general mapping (the Twilio endpoints' own comes first).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SuppressionProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> suppressed(RecipientSuppressedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(RecipientSuppressedException.TYPE);
		problem.setTitle("Recipient suppressed");
		problem.setProperty("errors", List.of(new FieldProblem("to", RecipientSuppressedException.FIELD_MESSAGE)));
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}

}
