package io.smsgw.modem.sim;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.smsgw.common.codec.GsmAlphabet;

/**
 * Reads an SMS-SUBMIT PDU back as a modem would, written apart from the encoder so that the
 * tests check one against the other.
 */
public final class SubmitPduDecoder {

	private SubmitPduDecoder() {
	}

	/**
	 * A decoded SMS-SUBMIT.
	 *
	 * @param smsc the SMSC digits, empty when the SIM's is used
	 * @param firstOctet the first octet of the TPDU
	 * @param destination the destination with {@code +} when international
	 * @param dcs the data coding scheme
	 * @param validity the relative validity octet
	 * @param udl the user data length
	 * @param udh the user data header in hex, empty when none
	 * @param text the decoded text
	 */
	public record Submit(String smsc, int firstOctet, String destination, int dcs, int validity, int udl, String udh,
			String text) {
	}

	public static Submit decode(String hex) {
		byte[] pdu = HexFormat.of().parseHex(hex);
		int smscLength = pdu[0] & 0xFF;
		String smsc = (smscLength == 0) ? "" : digits(pdu, 2, (smscLength - 1) * 2);
		int i = 1 + smscLength;
		int first = pdu[i++] & 0xFF;
		i++; // message reference
		int digitCount = pdu[i++] & 0xFF;
		boolean international = (pdu[i++] & 0xFF) == 0x91;
		String destination = (international ? "+" : "") + digits(pdu, i, digitCount);
		i += (digitCount + 1) / 2;
		i++; // PID
		int dcs = pdu[i++] & 0xFF;
		int validity = pdu[i++] & 0xFF;
		int udl = pdu[i++] & 0xFF;
		int udhLength = ((first & 0x40) != 0) ? (pdu[i] & 0xFF) + 1 : 0;
		String udh = HexFormat.of().withUpperCase().formatHex(pdu, i, i + udhLength);
		String text;
		if (dcs == 0x08) {
			text = new String(pdu, i + udhLength, udl - udhLength, StandardCharsets.UTF_16BE);
		}
		else {
			int headerSeptets = (udhLength * 8 + 6) / 7;
			byte[] septets = new byte[udl - headerSeptets];
			for (int s = 0; s < septets.length; s++) {
				int bit = (headerSeptets + s) * 7;
				int value = (pdu[i + bit / 8] & 0xFF) >> (bit % 8);
				if (bit % 8 > 1) {
					value |= (pdu[i + bit / 8 + 1] & 0xFF) << (8 - bit % 8);
				}
				septets[s] = (byte) (value & 0x7F);
			}
			text = GsmAlphabet.decode(septets, 0, septets.length);
		}
		return new Submit(smsc, first, destination, dcs, validity, udl, udh, text);
	}

	private static String digits(byte[] pdu, int offset, int count) {
		StringBuilder digits = new StringBuilder();
		for (int d = 0; d < count; d++) {
			int octet = pdu[offset + d / 2] & 0xFF;
			int digit = (d % 2 == 0) ? octet & 0x0F : octet >> 4;
			if (digit != 0x0F) {
				digits.append(digit);
			}
		}
		return digits.toString();
	}

}
