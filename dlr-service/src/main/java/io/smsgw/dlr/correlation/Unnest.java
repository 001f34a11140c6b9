package io.smsgw.dlr.correlation;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * The columns of many rows as arrays, for one statement over {@code unnest(?::t1[], ?::t2[], …)}
 * instead of a JDBC batch of one statement per row (PostgreSQL plans and runs it once).
 */
final class Unnest {

	private Unnest() {
	}

	/**
	 * One array argument per column of {@code rows}, of the given PostgreSQL element types. An
	 * {@link Instant} is passed as its ISO-8601 text (a {@code timestamptz} column parses it).
	 */
	static Object[] columns(List<Object[]> rows, String... types) {
		Object[] args = new Object[types.length];
		for (int c = 0; c < types.length; c++) {
			Object[] column = new Object[rows.size()];
			for (int r = 0; r < rows.size(); r++) {
				Object value = rows.get(r)[c];
				column[r] = (value instanceof Instant) ? value.toString() : value;
			}
			args[c] = new SqlArrayValue(types[c], column);
		}
		return args;
	}

}
