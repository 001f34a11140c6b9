package io.smsgw.common.codec;

/**
 * The national language shift tables of 3GPP TS 23.038 §6.2.1.2 (locking shift) and §6.2.1.3
 * (single shift) that the codec knows, with their national language identifiers (the value of
 * the UDH elements 0x25 and 0x24). {@link #NONE} is the GSM 7-bit default alphabet and its
 * default extension table.
 */
public enum NationalLanguage {

	/** No national table: the default alphabet (locking) and the default extension table (single). */
	NONE(0, DefaultTables.LOCKING, DefaultTables.SINGLE),

	/** Turkish: locking shift table and single shift table. */
	TURKISH(1, "@£$¥€éùıòÇ\nĞğ\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BŞşßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "İABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§çabcdefghijklmnopqrstuvwxyzäöñüà",
			DefaultTables.SINGLE + "\u0047Ğ\u0049İ\u0053Ş\u0063ç\u0067ğ\u0069ı\u0073ş"),

	/** Spanish: a single shift table only (TS 23.038 defines no Spanish locking shift table). */
	SPANISH(2, null, DefaultTables.SINGLE + "\u0009ç\u0041Á\u0049Í\u004FÓ\u0055Ú\u0061á\u0069í\u006Fó\u0075ú"),

	/** Portuguese: locking shift table and single shift table. */
	PORTUGUESE(3, "@£$¥êéúíóç\nÔô\rÁáΔ_ªÇÀ∞^\\€Ó|\u001BÂâÊÉ !\"#º%&'()*+,-./0123456789:;<=>?"
			+ "ÍABCDEFGHIJKLMNOPQRSTUVWXYZÃÕÚÜ§~abcdefghijklmnopqrstuvwxyzãõ`üà",
			"\n\f\u0014^\u0028{\u0029}\u002F\\\u003C[\u003D~\u003E]\u0040|\u0065€"
					+ "\u0005ê\u0009ç\u000BÔ\u000Cô\u000EÁ\u000Fá\u0012Φ\u0013Γ\u0015Ω\u0016Π\u0017Ψ\u0018Σ\u0019Θ"
					+ "\u001FÊ\u0041À\u0049Í\u004FÓ\u0055Ú\u005BÃ\134Õ\u0061Â\u0069í\u006Fó\u0075ú\u007Bã\u007Cõ\u007Fâ");

	private final int code;

	private final SeptetTable locking;

	private final SeptetTable single;

	/**
	 * @param lockingTable the 128 characters of the locking shift table in septet order, or
	 * {@code null} when the language has none
	 * @param singlePairs the single shift table as (septet, character) pairs of chars
	 */
	NationalLanguage(int code, String lockingTable, String singlePairs) {
		this.code = code;
		this.locking = (lockingTable != null) ? SeptetTable.ofSequence(lockingTable) : null;
		this.single = SeptetTable.ofPairs(singlePairs);
	}

	/** The national language identifier written in the UDH (0 for {@link #NONE}). */
	public int code() {
		return this.code;
	}

	/** Whether TS 23.038 defines a locking shift table for this language. */
	public boolean hasLockingShiftTable() {
		return this.locking != null;
	}

	SeptetTable lockingTable() {
		return (this.locking != null) ? this.locking : NONE.locking;
	}

	SeptetTable singleShiftTable() {
		return this.single;
	}

	/**
	 * The language of an identifier read from a UDH. Identifiers of languages the codec does not
	 * know give {@link #NONE}: the receiver then shows the default table's characters, as TS
	 * 23.038 asks for unknown codes.
	 */
	public static NationalLanguage ofCode(int code) {
		for (NationalLanguage language : values()) {
			if (language.code == code) {
				return language;
			}
		}
		return NONE;
	}

	/** The default tables, held apart because an enum constant cannot read a static field. */
	private static final class DefaultTables {

		static final String LOCKING = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
				+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

		/** TS 23.038 §6.2.1.1: form feed, ^ { } \ [ ~ ] | €. */
		static final String SINGLE = "\n\f\u0014^\u0028{\u0029}\u002F\\\u003C[\u003D~\u003E]\u0040|\u0065€";

	}

}
