package io.smsgw.api.message;

import java.util.Optional;

import io.smsgw.common.codec.GsmAlphabet;
import io.smsgw.common.phone.PhoneNumbers;

/**
 * Sender ids a message may carry: an E.164 number, a short code (3 to 8 digits) or an
 * alphanumeric id (1 to 11 printable GSM characters, at least one letter).
 */
public final class SenderIds {

	private SenderIds() {
	}

	/** The sender id in its canonical form, or empty when it is not a valid one. */
	public static Optional<String> normalize(String from) {
		if (from == null || from.isBlank() || from.length() > 32) {
			return Optional.empty();
		}
		String value = from.strip();
		if (value.startsWith("+")) {
			return PhoneNumbers.toE164(value, null);
		}
		if (value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			if (value.length() >= 3 && value.length() <= 8) {
				return Optional.of(value);
			}
			return PhoneNumbers.toE164("+" + value, null);
		}
		return isAlphanumeric(value) ? Optional.of(value) : Optional.empty();
	}

	private static boolean isAlphanumeric(String value) {
		if (value.length() > 11 || !GsmAlphabet.canEncode(value)) {
			return false;
		}
		boolean letter = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				return false;
			}
			letter |= Character.isLetter(c);
		}
		return letter;
	}

}
