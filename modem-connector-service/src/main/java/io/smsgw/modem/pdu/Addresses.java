package io.smsgw.modem.pdu;

/**
 * Phone numbers as TS 23.040 addresses: digit count, type of number, BCD semi-octets with the
 * digits of each octet swapped and {@code F} filling an odd count.
 */
public final class Addresses {

	private static final int INTERNATIONAL = 0x91;

	private static final int UNKNOWN = 0x81;

	private Addresses() {
	}

	/**
	 * The TP-Destination-Address of a number: international when it starts with {@code +}.
	 * @throws IllegalArgumentException when it is not 1 to 20 digits after an optional {@code +}
	 */
	public static byte[] destination(String number) {
		boolean international = number != null && number.startsWith("+");
		String digits = international ? number.substring(1) : number;
		if (digits == null || !digits.matches("[0-9]{1,20}")) {
			throw new IllegalArgumentException("Not a phone number: " + number);
		}
		byte[] address = new byte[2 + (digits.length() + 1) / 2];
		address[0] = (byte) digits.length();
		address[1] = (byte) (international ? INTERNATIONAL : UNKNOWN);
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			int index = 2 + i / 2;
			address[index] |= (byte) ((i % 2 == 0) ? digit : digit << 4);
		}
		if (digits.length() % 2 == 1) {
			address[address.length - 1] |= (byte) 0xF0;
		}
		return address;
	}

}
