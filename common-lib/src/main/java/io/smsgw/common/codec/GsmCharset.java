package io.smsgw.common.codec;

import java.io.ByteArrayOutputStream;

/**
 * A GSM 7-bit character set as a receiver sees it: one locking shift table (the default
 * alphabet or a national one) and one single shift table (the default extension table or a
 * national one), selected by the UDH elements 0x25 and 0x24 (3GPP TS 23.040 §9.2.3.24.15/16).
 * Single shift characters are sent as the escape septet {@code 0x1B} and their code, so they
 * cost two septets.
 *
 * @param lockingShift the locking shift table in use ({@link NationalLanguage#NONE}: the default
 * alphabet; a language without a locking table also means the default alphabet)
 * @param singleShift the single shift table in use ({@link NationalLanguage#NONE}: the default
 * extension table)
 */
public record GsmCharset(NationalLanguage lockingShift, NationalLanguage singleShift) {

	/** The default alphabet with the default extension table: what a plain GSM-7 message uses. */
	public static final GsmCharset DEFAULT = new GsmCharset(NationalLanguage.NONE, NationalLanguage.NONE);

	public GsmCharset {
		lockingShift = (lockingShift != null && lockingShift.hasLockingShiftTable()) ? lockingShift
				: NationalLanguage.NONE;
		singleShift = (singleShift != null) ? singleShift : NationalLanguage.NONE;
	}

	/** Whether this charset uses a national table, and so needs shift elements in the UDH. */
	public boolean isNational() {
		return this.lockingShift != NationalLanguage.NONE || this.singleShift != NationalLanguage.NONE;
	}

	/** Septets a UTF-16 char costs: 1 (locking table), 2 (single shift table) or 0 when not in this charset. */
	public int septetCost(char c) {
		if (this.lockingShift.lockingTable().septet(c) >= 0) {
			return 1;
		}
		return (this.singleShift.singleShiftTable().septet(c) >= 0) ? 2 : 0;
	}

	/** Whether every char of the text is in this charset. */
	public boolean canEncode(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (septetCost(text.charAt(i)) == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Writes the septets of one char (one byte per septet, unpacked) and answers how many it wrote.
	 * @throws IllegalArgumentException when the char is not in this charset
	 */
	public int write(char c, byte[] out, int offset) {
		int septet = this.lockingShift.lockingTable().septet(c);
		if (septet >= 0) {
			out[offset] = (byte) septet;
			return 1;
		}
		int shifted = this.singleShift.singleShiftTable().septet(c);
		if (shifted >= 0) {
			out[offset] = GsmAlphabet.ESCAPE;
			out[offset + 1] = (byte) shifted;
			return 2;
		}
		throw new IllegalArgumentException("Not a character of %s: U+%04X".formatted(this, (int) c));
	}

	/**
	 * Decodes unpacked septets (one per byte). An escape followed by a code the single shift
	 * table does not hold decodes as the locking table's character of that code, as TS 23.038
	 * §6.2.1.1 asks; two escapes (a future extension) decode as a space; a trailing escape is
	 * dropped.
	 */
	public String decode(byte[] septets, int offset, int length) {
		SeptetTable locking = this.lockingShift.lockingTable();
		SeptetTable single = this.singleShift.singleShiftTable();
		StringBuilder text = new StringBuilder(length);
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			int septet = septets[i] & 0x7F;
			if (septet != GsmAlphabet.ESCAPE) {
				text.append(locking.character(septet));
			}
			else if (i + 1 < end) {
				int code = septets[++i] & 0x7F;
				char shifted = single.character(code);
				if (!SeptetTable.isAbsent(shifted)) {
					text.append(shifted);
				}
				else {
					text.append((code == GsmAlphabet.ESCAPE) ? ' ' : locking.character(code));
				}
			}
		}
		return text.toString();
	}

	/**
	 * The UDH information elements that announce this charset (none for the default): single
	 * shift {@code 24 01 <lang>} then locking shift {@code 25 01 <lang>}.
	 */
	public byte[] headerElements() {
		ByteArrayOutputStream elements = new ByteArrayOutputStream(6);
		if (this.singleShift != NationalLanguage.NONE) {
			elements.writeBytes(new byte[] { UserDataHeader.SINGLE_SHIFT, 0x01, (byte) this.singleShift.code() });
		}
		if (this.lockingShift != NationalLanguage.NONE) {
			elements.writeBytes(new byte[] { UserDataHeader.LOCKING_SHIFT, 0x01, (byte) this.lockingShift.code() });
		}
		return elements.toByteArray();
	}

}
