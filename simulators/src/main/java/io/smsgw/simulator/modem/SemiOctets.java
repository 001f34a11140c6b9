package io.smsgw.simulator.modem;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;

import io.smsgw.common.codec.GsmAlphabet;
import io.smsgw.common.codec.Septets;

/**
 * TS 23.040 addresses and timestamps as the simulator writes and reads them: BCD semi-octets
 * with swapped digits, alphanumeric addresses as packed GSM-7, time stamps with their zone.
 */
final class SemiOctets {

	private SemiOctets() {
	}

	/** An address field (§9.1.2.5): international with {@code +}, alphanumeric when not digits. */
	static byte[] address(String address) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String digits = address.startsWith("+") ? address.substring(1) : address;
		if (!digits.matches("[0-9]{1,20}")) {
			byte[] septets = new byte[address.length() * 2];
			int count = 0;
			for (char c : address.toCharArray()) {
				count += GsmAlphabet.write(c, septets, count);
			}
			byte[] packed = Septets.pack(java.util.Arrays.copyOf(septets, count), 0);
			out.write((count * 7 + 3) / 4);
			out.write(0xD0);
			out.writeBytes(packed);
			return out.toByteArray();
		}
		out.write(digits.length());
		out.write(address.startsWith("+") ? 0x91 : 0x81);
		out.writeBytes(bcd(digits));
		return out.toByteArray();
	}

	/** Digits as swapped semi-octets, {@code F} filling an odd count. */
	static byte[] bcd(String digits) {
		byte[] out = new byte[(digits.length() + 1) / 2];
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			out[i / 2] |= (byte) ((i % 2 == 0) ? digit : digit << 4);
		}
		if (digits.length() % 2 == 1) {
			out[out.length - 1] |= (byte) 0xF0;
		}
		return out;
	}

	/** Reads {@code count} swapped BCD digits. */
	static String digits(byte[] pdu, int offset, int count) {
		StringBuilder digits = new StringBuilder();
		for (int d = 0; d < count; d++) {
			int octet = pdu[offset + d / 2] & 0xFF;
			int digit = (d % 2 == 0) ? octet & 0x0F : octet >> 4;
			if (digit < 10) {
				digits.append(digit);
			}
		}
		return digits.toString();
	}

	/** A time stamp (§9.2.3.11): seven swapped semi-octets, the zone in quarter hours. */
	static byte[] timestamp(OffsetDateTime time) {
		int quarters = time.getOffset().getTotalSeconds() / 900;
		String digits = String.format("%02d%02d%02d%02d%02d%02d", time.getYear() % 100, time.getMonthValue(),
				time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
		byte[] stamp = new byte[7];
		System.arraycopy(bcd(digits), 0, stamp, 0, 6);
		int zone = Math.abs(quarters);
		stamp[6] = (byte) (((zone % 10) << 4) | (zone / 10) | ((quarters < 0) ? 0x08 : 0));
		return stamp;
	}

}
