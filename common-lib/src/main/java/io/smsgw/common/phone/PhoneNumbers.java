package io.smsgw.common.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * E.164 handling on libphonenumber: parsing what tenants type into {@code +<digits>}.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The E.164 form ({@code +4915123456789}) of a number, if it is a valid one.
	 * @param input the number as typed: international with {@code +} or {@code 00}, or national
	 * @param defaultRegion ISO 3166 region for national numbers, or {@code null} to accept only
	 * international ones
	 */
	public static Optional<String> toE164(String input, String defaultRegion) {
		if (input == null || input.isBlank() || input.length() > 32) {
			return Optional.empty();
		}
		String candidate = input.strip();
		if (candidate.startsWith("00")) {
			candidate = "+" + candidate.substring(2);
		}
		try {
			PhoneNumber number = UTIL.parse(candidate, (defaultRegion != null) ? defaultRegion : "ZZ");
			if (!UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** The region (ISO 3166) of an E.164 number, or {@code "ZZ"} when unknown. */
	public static String regionOf(String e164) {
		try {
			return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
		}
		catch (NumberParseException ex) {
			return "ZZ";
		}
	}

}
