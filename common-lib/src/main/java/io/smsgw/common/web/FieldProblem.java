package io.smsgw.common.web;

/**
 * One invalid field of a request, as listed in a problem's {@code errors} array.
 *
 * @param field the JSON path of the field (e.g. {@code to}, {@code members[1].weight})
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
