package io.smsgw.smpp.submit;

import java.util.regex.Pattern;

/**
 * Chooses TON/NPI for the addresses of a submit_sm. A sender of digits with a leading '+' (or
 * longer than a short code) is international, written without '+'; up to
 * {@code shortCodeMaxLength} digits is a short code; anything else is alphanumeric. A
 * destination is always an E.164 number written without '+'.
 *
 * @param alphanumeric TON/NPI of an alphanumeric sender (default 5/0)
 * @param international TON/NPI of an E.164 sender (default 1/1)
 * @param shortCode TON/NPI of a short code sender (default 3/0)
 * @param destination TON/NPI of the destination (default 1/1)
 * @param shortCodeMaxLength most digits of a short code (default 8)
 */
public record AddressRules(TonNpi alphanumeric, TonNpi international, TonNpi shortCode, TonNpi destination,
		int shortCodeMaxLength) {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	/** 5/0 alphanumeric, 1/1 international, 3/0 short codes of up to 8 digits, 1/1 destinations. */
	public static AddressRules defaults() {
		return new AddressRules(new TonNpi(5, 0), new TonNpi(1, 1), new TonNpi(3, 0), new TonNpi(1, 1), 8);
	}

	/** The source address of a sender id. */
	public SmppAddress source(String from) {
		String sender = (from != null) ? from.strip() : "";
		if (sender.startsWith("+") && DIGITS.matcher(sender.substring(1)).matches()) {
			return address(this.international, sender.substring(1));
		}
		if (DIGITS.matcher(sender).matches()) {
			return (sender.length() <= this.shortCodeMaxLength) ? address(this.shortCode, sender)
					: address(this.international, sender);
		}
		return address(this.alphanumeric, sender);
	}

	/** The destination address of an E.164 number. */
	public SmppAddress destination(String to) {
		String number = (to != null) ? to.strip() : "";
		if (number.startsWith("+")) {
			number = number.substring(1);
		}
		return address(this.destination, number);
	}

	private static SmppAddress address(TonNpi tonNpi, String value) {
		return new SmppAddress(tonNpi.ton(), tonNpi.npi(), value);
	}

}
