package io.smsgw.router.admin;

import java.util.List;

/** Exceptions the admin API turns into problem details. */
final class AdminProblems {

	private AdminProblems() {
	}

	/**
	 * One invalid field.
	 *
	 * @param field the JSON path of the field
	 * @param message what is wrong
	 */
	record FieldProblem(String field, String message) {

	}

	/** 400 with field errors. */
	static final class InvalidRequestException extends RuntimeException {

		private final transient List<FieldProblem> problems;

		InvalidRequestException(List<FieldProblem> problems) {
			super("Validation failed");
			this.problems = List.copyOf(problems);
		}

		List<FieldProblem> problems() {
			return this.problems;
		}

	}

	/** 404. */
	static final class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

	/** 409. */
	static final class ConflictException extends RuntimeException {

		ConflictException(String message) {
			super(message);
		}

	}

}
