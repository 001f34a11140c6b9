package io.smsgw.common.codec;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table. Extension characters
 * are sent as the escape septet {@code 0x1B} followed by their code, so they cost two septets.
 * National language tables are in {@link GsmCharset}; these methods are its default.
 */
public final class GsmAlphabet {

	/** The escape septet that introduces an extension-table character. */
	public static final int ESCAPE = 0x1B;

	private GsmAlphabet() {
	}

	/** Septets a UTF-16 char costs: 1 (default table), 2 (extension table) or 0 when not in GSM-7. */
	public static int septetCost(char c) {
		return GsmCharset.DEFAULT.septetCost(c);
	}

	/** Whether every char of the text is in the default alphabet or its extension table. */
	public static boolean canEncode(CharSequence text) {
		return GsmCharset.DEFAULT.canEncode(text);
	}

	/**
	 * Writes the septets of one char (one byte per septet, unpacked) and answers how many it
	 * wrote.
	 * @throws IllegalArgumentException when the char is not in GSM-7
	 */
	public static int write(char c, byte[] out, int offset) {
		return GsmCharset.DEFAULT.write(c, out, offset);
	}

	/**
	 * Decodes unpacked septets (one per byte). An escape followed by a code outside the
	 * extension table decodes as the default-table character of that code, as TS 23.038 asks.
	 */
	public static String decode(byte[] septets, int offset, int length) {
		return GsmCharset.DEFAULT.decode(septets, offset, length);
	}

}
