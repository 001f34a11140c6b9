package io.smsgw.common.codec;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table. Extension characters
 * are sent as the escape septet {@code 0x1B} followed by their code, so they cost two septets.
 */
public final class GsmAlphabet {

	/** The escape septet that introduces an extension-table character. */
	public static final int ESCAPE = 0x1B;

	private static final String DEFAULT_TABLE = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	/** Extension table: character → code after the escape. */
	private static final char[][] EXTENSION = { { '\f', 0x0A }, { '^', 0x14 }, { '{', 0x28 }, { '}', 0x29 },
			{ '\\', 0x2F }, { '[', 0x3C }, { '~', 0x3D }, { ']', 0x3E }, { '|', 0x40 }, { '€', 0x65 } };

	private static final int[] TO_SEPTET = new int[0x10000];

	private static final int[] TO_EXTENSION = new int[0x10000];

	private static final char[] EXTENSION_TO_CHAR = new char[128];

	static {
		java.util.Arrays.fill(TO_SEPTET, -1);
		java.util.Arrays.fill(TO_EXTENSION, -1);
		for (int i = 0; i < DEFAULT_TABLE.length(); i++) {
			if (i != ESCAPE) {
				TO_SEPTET[DEFAULT_TABLE.charAt(i)] = i;
			}
		}
		for (char[] entry : EXTENSION) {
			TO_EXTENSION[entry[0]] = entry[1];
			EXTENSION_TO_CHAR[entry[1]] = entry[0];
		}
	}

	private GsmAlphabet() {
	}

	/** Septets a UTF-16 char costs: 1 (default table), 2 (extension table) or 0 when not in GSM-7. */
	public static int septetCost(char c) {
		if (TO_SEPTET[c] >= 0) {
			return 1;
		}
		return (TO_EXTENSION[c] >= 0) ? 2 : 0;
	}

	/** Whether every char of the text is in the default alphabet or its extension table. */
	public static boolean canEncode(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (septetCost(text.charAt(i)) == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Writes the septets of one char (one byte per septet, unpacked) and answers how many it
	 * wrote.
	 * @throws IllegalArgumentException when the char is not in GSM-7
	 */
	public static int write(char c, byte[] out, int offset) {
		int septet = TO_SEPTET[c];
		if (septet >= 0) {
			out[offset] = (byte) septet;
			return 1;
		}
		int extension = TO_EXTENSION[c];
		if (extension >= 0) {
			out[offset] = ESCAPE;
			out[offset + 1] = (byte) extension;
			return 2;
		}
		throw new IllegalArgumentException("Not a GSM 03.38 character: U+%04X".formatted((int) c));
	}

	/**
	 * Decodes unpacked septets (one per byte). An escape followed by a code outside the
	 * extension table decodes as the default-table character of that code, as TS 23.038 asks.
	 */
	public static String decode(byte[] septets, int offset, int length) {
		StringBuilder text = new StringBuilder(length);
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			int septet = septets[i] & 0x7F;
			if (septet == ESCAPE && i + 1 < end) {
				int code = septets[++i] & 0x7F;
				char extension = EXTENSION_TO_CHAR[code];
				text.append((extension != 0) ? extension : DEFAULT_TABLE.charAt(code));
			}
			else if (septet != ESCAPE) {
				text.append(DEFAULT_TABLE.charAt(septet));
			}
		}
		return text.toString();
	}

}
