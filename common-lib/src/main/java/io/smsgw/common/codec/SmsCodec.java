package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and splits texts: GSM-7 when every character is in the GSM 03.38 alphabet (with its
 * extension table), UCS-2 otherwise. Parts never split an escape pair or a surrogate pair. The
 * only place in the gateway that counts characters.
 */
public final class SmsCodec {

	/** The default maximum number of parts per message. */
	public static final int DEFAULT_MAX_PARTS = 10;

	private static final int UDH_8BIT_LENGTH = 6;

	private static final int UDH_16BIT_LENGTH = 7;

	private final int maxParts;

	private final boolean sixteenBitReference;

	/**
	 * @param maxParts most parts a message may take (1 to 255)
	 * @param sixteenBitReference whether to use the 16-bit concatenation reference (IEI 08)
	 */
	public SmsCodec(int maxParts, boolean sixteenBitReference) {
		if (maxParts < 1 || maxParts > 255) {
			throw new IllegalArgumentException("maxParts must be 1 to 255, was " + maxParts);
		}
		this.maxParts = maxParts;
		this.sixteenBitReference = sixteenBitReference;
	}

	/** A codec with at most 10 parts and 8-bit references. */
	public static SmsCodec defaults() {
		return new SmsCodec(DEFAULT_MAX_PARTS, false);
	}

	/** The encoding a text needs. */
	public static Encoding encodingOf(CharSequence text) {
		return GsmAlphabet.canEncode(text) ? Encoding.GSM7 : Encoding.UCS2;
	}

	/**
	 * Encodes and splits a text.
	 * @param text the message body
	 * @param reference the concatenation reference (only its low 8 or 16 bits are used)
	 * @throws MessageTooLongException when more than the maximum number of parts are needed
	 */
	public EncodedMessage encode(String text, int reference) {
		Encoding encoding = encodingOf(text);
		int udhLength = this.sixteenBitReference ? UDH_16BIT_LENGTH : UDH_8BIT_LENGTH;
		int units = countUnits(text, encoding);
		if (units <= encoding.singleCapacity()) {
			Segment only = new Segment(1, 1, 0, new byte[0], payload(text, 0, text.length(), encoding, units), units);
			return new EncodedMessage(encoding, units, List.of(only), encoding.singleCapacity() - units);
		}
		List<int[]> bounds = split(text, encoding, encoding.partCapacity(udhLength));
		if (bounds.size() > this.maxParts) {
			throw new MessageTooLongException(bounds.size(), this.maxParts);
		}
		int ref = reference & (this.sixteenBitReference ? 0xFFFF : 0xFF);
		List<Segment> segments = new ArrayList<>(bounds.size());
		for (int i = 0; i < bounds.size(); i++) {
			int[] b = bounds.get(i);
			byte[] udh = concatenationUdh(ref, bounds.size(), i + 1);
			segments.add(new Segment(i + 1, bounds.size(), ref, udh, payload(text, b[0], b[1], encoding, b[2]), b[2]));
		}
		int lastUnits = bounds.get(bounds.size() - 1)[2];
		return new EncodedMessage(encoding, units, segments, encoding.partCapacity(udhLength) - lastUnits);
	}

	private byte[] concatenationUdh(int ref, int total, int number) {
		if (this.sixteenBitReference) {
			return new byte[] { 0x06, 0x08, 0x04, (byte) (ref >> 8), (byte) ref, (byte) total, (byte) number };
		}
		return new byte[] { 0x05, 0x00, 0x03, (byte) ref, (byte) total, (byte) number };
	}

	private static int countUnits(String text, Encoding encoding) {
		if (encoding == Encoding.UCS2) {
			return text.length();
		}
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			septets += GsmAlphabet.septetCost(text.charAt(i));
		}
		return septets;
	}

	/** Part boundaries as {start, end, units}; never between an escape pair or a surrogate pair. */
	private static List<int[]> split(String text, Encoding encoding, int capacity) {
		List<int[]> bounds = new ArrayList<>();
		int start = 0;
		int units = 0;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int width = 1;
			int cost;
			if (encoding == Encoding.GSM7) {
				cost = GsmAlphabet.septetCost(c);
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

	private static byte[] payload(String text, int start, int end, Encoding encoding, int units) {
		if (encoding == Encoding.UCS2) {
			return text.substring(start, end).getBytes(StandardCharsets.UTF_16BE);
		}
		byte[] septets = new byte[units];
		int offset = 0;
		for (int i = start; i < end; i++) {
			offset += GsmAlphabet.write(text.charAt(i), septets, offset);
		}
		return septets;
	}

	/** Decodes a part's payload (without UDH) in the given encoding. */
	public static String decode(byte[] payload, Encoding encoding) {
		return switch (encoding) {
			case GSM7 -> GsmAlphabet.decode(payload, 0, payload.length);
			case UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
			case BINARY -> new String(payload, StandardCharsets.ISO_8859_1);
		};
	}

}
