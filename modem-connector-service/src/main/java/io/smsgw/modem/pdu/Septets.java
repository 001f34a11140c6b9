package io.smsgw.modem.pdu;

/**
 * Packs GSM 7-bit septets into octets (3GPP TS 23.038 §6.1.2.1.1): each septet takes the next
 * 7 bits, least significant bit first.
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

	/** Septets taken by a user data header of {@code udhLength} octets, padded to a septet boundary. */
	public static int headerSeptets(int udhLength) {
		return (udhLength * 8 + 6) / 7;
	}

}
