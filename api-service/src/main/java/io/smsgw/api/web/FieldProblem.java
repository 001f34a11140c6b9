package io.smsgw.api.web;

/**
 * What is wrong with one field of a request, as listed in a 400 problem's {@code errors}.
 *
 * @param field the JSON field name, e.g. {@code to}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
