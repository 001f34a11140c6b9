package io.smsgw.smpp.submit;

/**
 * The data_coding values one SMSC expects.
 *
 * @param gsm7 for GSM 03.38 texts (0 the SMSC default alphabet; some want 1)
 * @param ucs2 for UCS-2 texts (8)
 * @param latin1 when set, texts that ISO-8859-1 can hold go as Latin-1 octets with this
 * data_coding (3, or 0 for an SMSC that reads 0 as Latin-1); {@code null} sends GSM-7
 */
public record DataCodings(int gsm7, int ucs2, Integer latin1) {

	/** 0 for GSM-7, 8 for UCS-2, no Latin-1. */
	public static DataCodings defaults() {
		return new DataCodings(0, 8, null);
	}

}
