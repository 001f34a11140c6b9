package io.smsgw.smpp.submit;

import java.math.BigInteger;

/**
 * How the ids in one connection's receipts are turned into the form of its submit_sm_resp ids,
 * for SMSCs that answer in one base and report in the other. Applied to the normalised receipt
 * id (see {@link MessageIds#normalise}); an id that is not a number in the expected base is left
 * as it is.
 */
public enum MessageIdConversion {

	/** Receipts use the same form as responses. */
	NONE,

	/** Responses in hex, receipts in decimal: {@code 123456789} becomes {@code 75bcd15}. */
	DECIMAL_TO_HEX,

	/** Responses in decimal, receipts in hex: {@code 75BCD15} becomes {@code 123456789}. */
	HEX_TO_DECIMAL;

	/** The receipt id in the form of the response ids, normalised. */
	public String apply(String receiptId) {
		String id = MessageIds.normalise(receiptId);
		if (id == null || this == NONE) {
			return id;
		}
		try {
			BigInteger value = new BigInteger(id, (this == DECIMAL_TO_HEX) ? 10 : 16);
			return (value.signum() < 0) ? id : value.toString((this == DECIMAL_TO_HEX) ? 16 : 10);
		}
		catch (NumberFormatException ex) {
			return id;
		}
	}

}
