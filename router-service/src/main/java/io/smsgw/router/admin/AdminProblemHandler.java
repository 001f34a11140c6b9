package io.smsgw.router.admin;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.smsgw.common.web.ProblemDetailsHandler;

/** The admin API's errors as RFC 9457 problem details: the shared mapping, and Kafka being down. */
@RestControllerAdvice
class AdminProblemHandler extends ProblemDetailsHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> kafkaDown(KafkaException ex) {
		log.warn("Kafka unavailable for an admin change: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka is unavailable; try again", List.of());
	}

}
