package io.smsgw.common.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures {@link ProblemDetailsHandler#databaseUnavailable} takes for a database outage
 * (answered 503), with the cause chains a real PostgreSQL stop produces.
 */
class DatabaseUnavailableTests {

	@Test
	void hikariTimeoutUnderATransactionThatCouldNotBeginIsAnOutage() {
		SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
				new ConnectException("Connection refused"));
		Exception chain = new IllegalStateException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused));
		assertThat(ProblemDetailsHandler.databaseUnavailable(chain)).isTrue();
	}

	@Test
	void aBrokenConnectionAndAServerShuttingDownOrStartingAreOutages() {
		assertThat(ProblemDetailsHandler.databaseUnavailable(new RuntimeException("PreparedStatementCallback",
				new SQLException("An I/O error occurred while sending to the backend", "08006", new IOException()))))
			.isTrue();
		assertThat(ProblemDetailsHandler.databaseUnavailable(
				new SQLException("terminating connection due to administrator command", "57P01")))
			.isTrue();
		assertThat(ProblemDetailsHandler
			.databaseUnavailable(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
	}

	@Test
	void theRollbackOfAFailedTransactionOnAConnectionThePoolClosedIsAnOutage() {
		SQLException closed = new SQLException("Connection is closed");
		closed.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$0",
						"ProxyConnection.java", 559) });
		assertThat(ProblemDetailsHandler.databaseUnavailable(
				new IllegalStateException("Unable to rollback against JDBC Connection", closed)))
			.isTrue();
		assertThat(ProblemDetailsHandler.databaseUnavailable(new SQLException("Connection is closed")))
			.as("not from the pool").isFalse();
	}

	@Test
	void constraintViolationsBugsAndOtherIoAreNot() {
		assertThat(ProblemDetailsHandler.databaseUnavailable(
				new RuntimeException("could not execute statement", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(ProblemDetailsHandler.databaseUnavailable(new IllegalArgumentException("bug"))).isFalse();
		assertThat(ProblemDetailsHandler.databaseUnavailable(new ConnectException("Kafka down"))).isFalse();
		assertThat(ProblemDetailsHandler.databaseUnavailable(new SQLException("no state"))).isFalse();
	}

}
