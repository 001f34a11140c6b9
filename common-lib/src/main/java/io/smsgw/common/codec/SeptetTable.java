package io.smsgw.common.codec;

import java.util.Arrays;

/**
 * One 7-bit table (a locking shift table or a single shift table): character to septet and back.
 */
final class SeptetTable {

	private static final char ABSENT = '\uFFFF';

	private final byte[] toSeptet = new byte[0x10000];

	private final char[] toChar = new char[128];

	private SeptetTable() {
		Arrays.fill(this.toSeptet, (byte) -1);
		Arrays.fill(this.toChar, ABSENT);
	}

	/** A table given as its 128 characters in septet order; the escape position holds no character. */
	static SeptetTable ofSequence(String characters) {
		if (characters.length() != 128) {
			throw new IllegalStateException("A septet table has 128 entries, not " + characters.length());
		}
		SeptetTable table = new SeptetTable();
		for (int septet = 0; septet < 128; septet++) {
			if (septet != GsmAlphabet.ESCAPE) {
				table.put(septet, characters.charAt(septet));
			}
		}
		return table;
	}

	/** A table given as (septet, character) pairs of chars. */
	static SeptetTable ofPairs(String pairs) {
		SeptetTable table = new SeptetTable();
		for (int i = 0; i < pairs.length(); i += 2) {
			table.put(pairs.charAt(i), pairs.charAt(i + 1));
		}
		return table;
	}

	private void put(int septet, char c) {
		this.toSeptet[c] = (byte) septet;
		this.toChar[septet] = c;
	}

	/** The septet of a character, or -1 when the table does not hold it. */
	int septet(char c) {
		return this.toSeptet[c];
	}

	/** The character of a septet, or {@code '\uFFFF'} when the table holds none there. */
	char character(int septet) {
		return this.toChar[septet & 0x7F];
	}

	static boolean isAbsent(char c) {
		return c == ABSENT;
	}

}
