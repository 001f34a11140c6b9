package io.smsgw.api.message;

import java.util.List;

import io.smsgw.common.web.FieldProblem;

/**
 * Answer to a batch: one result per item, in the order of the request.
 *
 * @param accepted how many messages were accepted
 * @param rejected how many were not
 * @param results one per item
 */
public record BatchResult(int accepted, int rejected, List<ItemResult> results) {

	/**
	 * One item's outcome: {@code message} when accepted, a {@code problem} otherwise.
	 *
	 * @param index the item's position in the request, from 0
	 * @param status {@code accepted}, {@code scheduled} or {@code rejected}
	 * @param message the accepted message
	 * @param problem why it was rejected: a problem detail with field-level {@code errors}
	 */
	public record ItemResult(int index, String status, AcceptedMessage message, ItemProblem problem) {
	}

	/**
	 * RFC 9457 members of a rejected item: {@code type} {@code about:blank} and status 400 for an
	 * invalid item, the {@code recipient-suppressed} type and 422 for a suppressed recipient.
	 */
	public record ItemProblem(String type, String title, int status, String detail, List<FieldProblem> errors) {

		/** The type of a problem that is just its status. */
		public static final String BLANK = "about:blank";

	}

}
