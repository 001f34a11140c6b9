package io.smsgw.smpp.submit;

import java.util.Locale;
import java.util.UUID;

/**
 * SMSC message ids in one form, so that a submit_sm_resp id and the id in its receipt compare
 * equal: trimmed, lower-case, without leading zeros ({@code " 00A1b "} becomes {@code "a1b"},
 * {@code "000"} becomes {@code "0"}). SMSCs that answer in hex and report receipts in decimal
 * need a per-connection mapping that is not done yet.
 */
public final class MessageIds {

	private MessageIds() {
	}

	/** The normalised form of an id, or {@code null} for a missing or blank one. */
	public static String normalise(String id) {
		if (id == null) {
			return null;
		}
		String trimmed = id.strip().toLowerCase(Locale.ROOT);
		if (trimmed.isEmpty()) {
			return null;
		}
		int start = 0;
		while (start < trimmed.length() - 1 && trimmed.charAt(start) == '0') {
			start++;
		}
		return trimmed.substring(start);
	}

	/** The concatenation reference of a message's parts, derived from its id (stable across retries). */
	public static int concatenationReference(UUID messageId) {
		long bits = messageId.getMostSignificantBits() ^ messageId.getLeastSignificantBits();
		return (int) (bits ^ (bits >>> 32)) & 0xFFFF;
	}

}
