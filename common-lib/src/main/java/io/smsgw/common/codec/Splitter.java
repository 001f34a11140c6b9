package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts, splits and writes texts for {@link SmsCodec}.
 */
final class Splitter {

	private Splitter() {
	}

	/** Septets (an escape pair counts two) or UTF-16 units of a text. */
	static int count(String text, Encoding encoding, GsmCharset charset) {
		if (encoding == Encoding.UCS2) {
			return text.length();
		}
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			septets += charset.septetCost(text.charAt(i));
		}
		return septets;
	}

	/** Part boundaries as {start, end, units}; never between an escape pair or a surrogate pair. */
	static List<int[]> split(String text, Encoding encoding, GsmCharset charset, int capacity) {
		List<int[]> bounds = new ArrayList<>();
		int start = 0;
		int units = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int width = 1;
			int cost;
			if (encoding == Encoding.GSM7) {
				cost = charset.septetCost(c);
			}
			else {
				width = (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) ? 2 : 1;
				cost = width;
			}
			if (units + cost > capacity) {
				bounds.add(new int[] { start, i, units });
				start = i;
				units = 0;
			}
			units += cost;
			i += width;
		}
		bounds.add(new int[] { start, text.length(), units });
		return bounds;
	}

	/** The payload of text[start, end): unpacked septets or UTF-16BE. */
	static byte[] payload(String text, int start, int end, Encoding encoding, GsmCharset charset, int units) {
		if (encoding == Encoding.UCS2) {
			return text.substring(start, end).getBytes(StandardCharsets.UTF_16BE);
		}
		byte[] septets = new byte[units];
		int offset = 0;
		for (int i = start; i < end; i++) {
			offset += charset.write(text.charAt(i), septets, offset);
		}
		return septets;
	}

}
