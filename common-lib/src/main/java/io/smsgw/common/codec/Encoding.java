package io.smsgw.common.codec;

/**
 * The encodings a message can be sent in, with their SMPP {@code data_coding} defaults and
 * per-segment capacities (TS 23.040: 140 octets of user data).
 */
public enum Encoding {

	/** GSM 03.38 default alphabet: 160 septets, 153 per part with an 8-bit concatenation UDH. */
	GSM7(0x00, 160),

	/** UCS-2 (UTF-16BE): 70 units, 67 per part with an 8-bit concatenation UDH. */
	UCS2(0x08, 70),

	/** 8-bit binary data: 140 octets, 134 per part with an 8-bit concatenation UDH. */
	BINARY(0x04, 140),

	/**
	 * ISO-8859-1 octets (SMPP data_coding 3), for SMSCs that take Latin-1: 140 characters, 134
	 * per part with an 8-bit concatenation UDH, 133 with a 16-bit one.
	 */
	LATIN1(0x03, 140);

	private final int dataCoding;

	private final int singleCapacity;

	Encoding(int dataCoding, int singleCapacity) {
		this.dataCoding = dataCoding;
		this.singleCapacity = singleCapacity;
	}

	/** The default SMPP data_coding value. */
	public int dataCoding() {
		return this.dataCoding;
	}

	/** Units (septets, UTF-16 units or octets) that fit a message sent in one part. */
	public int singleCapacity() {
		return this.singleCapacity;
	}

	/** Units that fit one part of a concatenated message whose UDH takes {@code udhLength} octets. */
	public int partCapacity(int udhLength) {
		return switch (this) {
			// the UDH, padded to a septet boundary, takes ceil(udhLength * 8 / 7) septets
			case GSM7 -> 160 - (udhLength * 8 + 6) / 7;
			case UCS2 -> (140 - udhLength) / 2;
			case BINARY, LATIN1 -> 140 - udhLength;
		};
	}

	/**
	 * The encoding of an SMPP {@code data_coding} (SMPP 3.4 §5.2.19): 0 (SMSC default alphabet)
	 * and 1 (IA5) as GSM-7, 3 as Latin-1, 8 as UCS-2, 2 and 4 as binary, other values up to 0x0F
	 * as Latin-1 octets (nothing is lost), and the GSM 03.38 coding groups (0x10 and up) as
	 * {@link #ofDataCodingScheme(int)} reads them.
	 */
	public static Encoding ofSmppDataCoding(int dataCoding) {
		int coding = dataCoding & 0xFF;
		if (coding >= 0x10) {
			return ofDataCodingScheme(coding);
		}
		return switch (coding) {
			case 0x00, 0x01 -> GSM7;
			case 0x08 -> UCS2;
			case 0x02, 0x04 -> BINARY;
			default -> LATIN1;
		};
	}

	/**
	 * The alphabet a TP-Data-Coding-Scheme names (3GPP TS 23.038 §4): the general and automatic
	 * deletion groups (bits 3..2), the message waiting groups (0xC0 to 0xDF GSM-7, 0xE0 to 0xEF
	 * UCS-2) and the data coding/message class group (bit 2). Reserved values read as GSM-7, as
	 * the standard asks.
	 */
	public static Encoding ofDataCodingScheme(int dcs) {
		int scheme = dcs & 0xFF;
		if (scheme < 0x80) {
			return switch ((scheme >> 2) & 0x03) {
				case 0x01 -> BINARY;
				case 0x02 -> UCS2;
				default -> GSM7;
			};
		}
		if (scheme >= 0xF0) {
			return ((scheme & 0x04) != 0) ? BINARY : GSM7;
		}
		return (scheme >= 0xE0) ? UCS2 : GSM7;
	}

}
