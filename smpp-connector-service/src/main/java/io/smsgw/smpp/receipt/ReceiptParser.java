package io.smsgw.smpp.receipt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smsgw.common.event.ReceiptState;
import io.smsgw.smpp.submit.MessageIds;

/**
 * Reads the text of a delivery receipt (SMPP 3.4 appendix B and what SMSCs send in practice):
 * {@code id:.. sub:.. dlvrd:.. submit date:.. done date:.. stat:.. err:.. text:..}, with the
 * fields in any order, keys in any case, {@code _} or a space in the date keys, and any field
 * missing. Dates are {@code yyMMddHHmm} or {@code yyMMddHHmmss}, read as UTC. A TLV value given
 * by the caller (receipted_message_id, message_state) wins over the text.
 */
public final class ReceiptParser {

	private static final Pattern KEY = Pattern.compile(
			"(?i)(?<![a-z_])(id|sub|dlvrd|submit[ _]date|done[ _]date|stat|err|text)\\s*:\\s*");

	private ReceiptParser() {
	}

	/** The fields of a receipt's text; never throws, missing or unreadable fields are {@code null}. */
	public static ParsedReceipt parse(String text) {
		return parse(text, null, null);
	}

	/**
	 * The fields of a receipt, preferring the TLV values when present.
	 * @param text the short message (or message_payload) text, may be {@code null}
	 * @param receiptedMessageId the receipted_message_id TLV, or {@code null}
	 * @param messageState the message_state TLV, or {@code null}
	 */
	public static ParsedReceipt parse(String text, String receiptedMessageId, Integer messageState) {
		Map<String, String> fields = fields((text != null) ? text : "");
		String id = MessageIds.normalise((receiptedMessageId != null && !receiptedMessageId.isBlank())
				? receiptedMessageId : fields.get("id"));
		ReceiptState state = (messageState != null) ? ReceiptState.fromMessageState(messageState) : null;
		if (state == null) {
			state = ReceiptState.fromStat(fields.get("stat"));
		}
		return new ParsedReceipt(id, state, blankToNull(fields.get("err")), date(fields.get("submit date")),
				date(fields.get("done date")), fields.get("text"));
	}

	private static Map<String, String> fields(String text) {
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = KEY.matcher(text);
		String key = null;
		int valueStart = 0;
		while (matcher.find()) {
			if (key != null && !"text".equals(key)) {
				fields.putIfAbsent(key, text.substring(valueStart, matcher.start()).strip());
			}
			if ("text".equals(key)) {
				// the text runs to the end: keys inside it are part of the message
				break;
			}
			key = matcher.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
			valueStart = matcher.end();
		}
		if (key != null) {
			fields.putIfAbsent(key, text.substring(valueStart).strip());
		}
		return fields;
	}

	/** {@code yyMMddHHmm} or {@code yyMMddHHmmss} as UTC (years 2000–2099), or {@code null}. */
	private static Instant date(String value) {
		if (value == null) {
			return null;
		}
		String digits = value.strip();
		if ((digits.length() != 10 && digits.length() != 12) || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		try {
			return LocalDateTime.of(2000 + twoDigits(digits, 0), twoDigits(digits, 2), twoDigits(digits, 4),
					twoDigits(digits, 6), twoDigits(digits, 8), (digits.length() == 12) ? twoDigits(digits, 10) : 0)
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int twoDigits(String digits, int at) {
		return (digits.charAt(at) - '0') * 10 + (digits.charAt(at + 1) - '0');
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
