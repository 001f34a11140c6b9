package io.smsgw.api.number;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.smsgw.common.phone.PhoneNumbers;

/**
 * The addresses inbound messages are sent to: E.164 long numbers and short codes of 3 to 8
 * digits. Operators enter them in one form; connectors report them as the network gave them.
 */
final class Addresses {

	static final String LONG_NUMBER = "LONG_NUMBER";

	static final String SHORT_CODE = "SHORT_CODE";

	private static final Pattern SHORT = Pattern.compile("[0-9]{3,8}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");

	private Addresses() {
	}

	/** An address an operator entered: a short code, or a valid international number. */
	static Optional<Address> parse(String input) {
		if (input == null || input.isBlank() || input.length() > 32) {
			return Optional.empty();
		}
		String value = input.strip();
		if (SHORT.matcher(value).matches()) {
			return Optional.of(new Address(value, SHORT_CODE));
		}
		if (!value.startsWith("+") && !value.startsWith("00")) {
			return Optional.empty();
		}
		return PhoneNumbers.toE164(value, null).map((e164) -> new Address(e164, LONG_NUMBER));
	}

	/**
	 * The forms a destination reported by a connector may be stored as, most exact first: as given,
	 * and as E.164 when it is a number without its {@code +} or with {@code 00}.
	 */
	static List<String> candidates(String to) {
		if (to == null || to.isBlank() || to.length() > 32) {
			return List.of();
		}
		String value = to.strip();
		LinkedHashSet<String> forms = new LinkedHashSet<>();
		forms.add(value);
		if (DIGITS.matcher(value).matches()) {
			String international = value.startsWith("00") ? value.substring(2) : value;
			PhoneNumbers.toE164("+" + international, null).ifPresent(forms::add);
		}
		PhoneNumbers.toE164(value, null).ifPresent(forms::add);
		return new ArrayList<>(forms);
	}

	/** A parsed address and its kind ({@link #LONG_NUMBER} or {@link #SHORT_CODE}). */
	record Address(String value, String kind) {
	}

}
