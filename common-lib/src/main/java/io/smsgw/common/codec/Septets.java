package io.smsgw.common.codec;

/**
 * GSM 7-bit packing (3GPP TS 23.038 §6.1.2.1.1): each septet takes the next 7 bits, least
 * significant bit first. After a user data header the septets start on a septet boundary, so
 * fill bits pad the header (TS 23.040 §9.2.3.24). SMPP carries septets unpacked (one per octet);
 * modems in PDU mode, and SMSCs that ask for it, take them packed.
 */
public final class Septets {

	private Septets() {
	}

	/**
	 * Packs unpacked septets (one per byte).
	 * @param septets the septets
	 * @param fillBits zero bits before the first septet, to align it after a user data header
	 */
	public static byte[] pack(byte[] septets, int fillBits) {
		int bits = fillBits + septets.length * 7;
		byte[] packed = new byte[(bits + 7) / 8];
		for (int i = 0; i < septets.length; i++) {
			int value = septets[i] & 0x7F;
			int position = fillBits + i * 7;
			int index = position / 8;
			int shift = position % 8;
			packed[index] |= (byte) (value << shift);
			if (shift > 1) {
				packed[index + 1] |= (byte) (value >> (8 - shift));
			}
		}
		return packed;
	}

	/**
	 * Unpacks {@code count} septets that start {@code fillBits} bits into {@code octets[offset]}.
	 * @throws MalformedUserDataException when the octets hold fewer septets
	 */
	public static byte[] unpack(byte[] octets, int offset, int fillBits, int count) {
		int bitsNeeded = fillBits + count * 7;
		if (offset < 0 || count < 0 || (long) offset * 8 + bitsNeeded > (long) octets.length * 8) {
			throw new MalformedUserDataException(
					"User data holds fewer than " + count + " septets after octet " + offset);
		}
		byte[] septets = new byte[count];
		for (int i = 0; i < count; i++) {
			int bit = fillBits + i * 7;
			int index = offset + bit / 8;
			int shift = bit % 8;
			int value = (octets[index] & 0xFF) >> shift;
			if (shift > 1) {
				value |= (octets[index + 1] & 0xFF) << (8 - shift);
			}
			septets[i] = (byte) (value & 0x7F);
		}
		return septets;
	}

	/** Septets taken by a user data header of {@code udhLength} octets, padded to a septet boundary. */
	public static int headerSeptets(int udhLength) {
		return (udhLength * 8 + 6) / 7;
	}

	/** Fill bits between a user data header of {@code udhLength} octets and the first septet (0 to 6). */
	public static int fillBits(int udhLength) {
		return headerSeptets(udhLength) * 7 - udhLength * 8;
	}

	/**
	 * The TP-User-Data of a GSM-7 part: the UDH (may be empty), then the septets packed after the
	 * fill bits. Its TP-User-Data-Length, in septets, is {@link #userDataLength}.
	 */
	public static byte[] userData(byte[] udh, byte[] septets) {
		byte[] packed = pack(septets, fillBits(udh.length));
		byte[] userData = new byte[udh.length + packed.length];
		System.arraycopy(udh, 0, userData, 0, udh.length);
		System.arraycopy(packed, 0, userData, udh.length, packed.length);
		return userData;
	}

	/** The TP-User-Data-Length of a GSM-7 part: header septets plus text septets. */
	public static int userDataLength(int udhLength, int septetCount) {
		return headerSeptets(udhLength) + septetCount;
	}

}
