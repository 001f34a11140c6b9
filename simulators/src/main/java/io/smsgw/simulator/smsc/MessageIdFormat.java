package io.smsgw.simulator.smsc;

import java.util.Locale;

/**
 * How the simulated SMSC writes the message ids it gives in {@code submit_sm_resp} (and repeats in
 * receipts). Real SMSCs differ: some answer lower-case hex, some decimal, some padded upper-case.
 */
public enum MessageIdFormat {

	/** Lower-case hexadecimal without padding, e.g. {@code 1f3a9c2b}. */
	HEX,

	/** Decimal padded with zeros to 10 digits, e.g. {@code 0000012345}. */
	DECIMAL,

	/** Upper-case hexadecimal padded with zeros to 16 digits, e.g. {@code 00000000075BCD15}. */
	DEFAULT;

	/** The id for a sequence value. */
	public String format(long value) {
		return switch (this) {
			case HEX -> Long.toHexString(value);
			case DECIMAL -> String.format(Locale.ROOT, "%010d", value);
			case DEFAULT -> String.format(Locale.ROOT, "%016X", value);
		};
	}

}
