package io.smsgw.common.web;

import java.util.List;

/** A request that fails validation: answered 400 with every field problem at once. */
public class InvalidRequestException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super("Validation failed");
		this.problems = List.copyOf(problems);
	}

	/** A request with one invalid field. */
	public static InvalidRequestException of(String field, String message) {
		return new InvalidRequestException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
