package io.smsgw.common.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * How a connector (or the API, for its counts) wants messages encoded.
 *
 * @param maxParts most parts a message may take (1 to 255, default 10); more is rejected
 * @param sixteenBitReference whether concatenation uses the 16-bit reference (IEI 0x08) instead
 * of the 8-bit one (IEI 0x00)
 * @param lockingShift the national locking shift table the codec may use ({@link NationalLanguage#NONE}:
 * none; a language without a locking table, such as Spanish, is treated as none)
 * @param singleShift the national single shift table the codec may use ({@link NationalLanguage#NONE}: none)
 */
public record CodecOptions(int maxParts, boolean sixteenBitReference, NationalLanguage lockingShift,
		NationalLanguage singleShift) {

	public CodecOptions {
		if (maxParts < 1 || maxParts > 255) {
			throw new IllegalArgumentException("maxParts must be 1 to 255, was " + maxParts);
		}
		lockingShift = (lockingShift != null && lockingShift.hasLockingShiftTable()) ? lockingShift
				: NationalLanguage.NONE;
		singleShift = (singleShift != null) ? singleShift : NationalLanguage.NONE;
	}

	/** At most 10 parts, 8-bit references, no national tables. */
	public static CodecOptions defaults() {
		return new CodecOptions(SmsCodec.DEFAULT_MAX_PARTS, false, NationalLanguage.NONE, NationalLanguage.NONE);
	}

	/** These options with both shift tables of one language (the locking one only where it exists). */
	public CodecOptions withNationalLanguage(NationalLanguage language) {
		return new CodecOptions(this.maxParts, this.sixteenBitReference, language, language);
	}

	/** These options with another maximum number of parts. */
	public CodecOptions withMaxParts(int maxParts) {
		return new CodecOptions(maxParts, this.sixteenBitReference, this.lockingShift, this.singleShift);
	}

	/**
	 * The charsets the codec may use, cheapest header first: the default, then the single shift
	 * table alone, the locking shift table alone, and both.
	 */
	public List<GsmCharset> charsets() {
		List<GsmCharset> charsets = new ArrayList<>(4);
		charsets.add(GsmCharset.DEFAULT);
		NationalLanguage none = NationalLanguage.NONE;
		if (this.singleShift != none) {
			charsets.add(new GsmCharset(none, this.singleShift));
		}
		if (this.lockingShift != none) {
			charsets.add(new GsmCharset(this.lockingShift, none));
			if (this.singleShift != none) {
				charsets.add(new GsmCharset(this.lockingShift, this.singleShift));
			}
		}
		return List.copyOf(charsets);
	}

}
