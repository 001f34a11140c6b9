package io.smsgw.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's own account of where its time goes ({@code pg_stat_statements}, loaded with
 * {@code --pg-statements}): cleared before a run, written after it as a table of the costliest
 * statements with their calls and rows per message, so that a run tells which service's statements
 * the server spends its CPU on.
 */
final class PgStatements {

	private static final Logger log = LoggerFactory.getLogger(PgStatements.class);

	private static final int TOP = 30;

	private PgStatements() {
	}

	/** Creates the extension if needed and clears its counters. */
	static void reset(Database database) {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			statement.execute("SELECT pg_stat_statements_reset()");
		}
		catch (SQLException ex) {
			log.warn("Could not reset pg_stat_statements: {}", ex.getMessage());
		}
	}

	/** Writes the {@value #TOP} statements with the most execution time since {@link #reset}. */
	static void write(Database database, Path file, int messages) {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"%10s %10s %9s %9s %9s %9s  %s%n", "total ms", "calls", "calls/msg", "mean ms", "rows/msg", "share", "query"));
		try (Connection connection = connect(database); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						SELECT total_exec_time, calls, mean_exec_time, rows,
						       total_exec_time / NULLIF(sum(total_exec_time) OVER (), 0) AS share,
						       regexp_replace(query, '\\s+', ' ', 'g') AS query
						FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT %d""".formatted(TOP))) {
			while (rows.next()) {
				String query = rows.getString("query");
				out.append(String.format(Locale.ROOT, "%10.0f %10d %9.2f %9.3f %9.2f %8.1f%%  %s%n",
						rows.getDouble("total_exec_time"), rows.getLong("calls"),
						rows.getLong("calls") / (double) Math.max(1, messages), rows.getDouble("mean_exec_time"),
						rows.getLong("rows") / (double) Math.max(1, messages), rows.getDouble("share") * 100,
						(query.length() > 240) ? query.substring(0, 240) + "…" : query));
			}
			Files.writeString(file, out);
			log.info("PostgreSQL statements of the run written to {}", file);
		}
		catch (SQLException | IOException ex) {
			log.warn("Could not write pg_stat_statements: {}", ex.getMessage());
		}
	}

	private static Connection connect(Database database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

}
