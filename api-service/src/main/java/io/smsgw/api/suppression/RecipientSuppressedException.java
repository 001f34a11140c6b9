package io.smsgw.api.suppression;

import java.net.URI;

/**
 * A send to a number on the tenant's suppression list: answered 422 with the problem type
 * {@link #TYPE} naming the field {@code to} (Twilio: error 21610).
 */
public class RecipientSuppressedException extends RuntimeException {

	/** The problem type of a suppressed recipient. */
	public static final URI TYPE = URI.create("https://smsgw.io/problems/recipient-suppressed");

	/** The message of the {@code to} field problem. */
	public static final String FIELD_MESSAGE = "is on the suppression list (the recipient opted out); "
			+ "remove it with DELETE /v1/suppressions/{number} only with the recipient's consent";

	private final String number;

	public RecipientSuppressedException(String number) {
		super("The recipient " + number + " opted out of messages from this account");
		this.number = number;
	}

	public String number() {
		return this.number;
	}

}
