package io.smsgw.simulator.modem;

import java.util.Arrays;
import java.util.HexFormat;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.SmsDecoder;
import io.smsgw.common.codec.UserDataHeader.Concatenation;

/**
 * Reads an SMS-SUBMIT PDU (TS 23.040 §9.2.2.2) as a modem would, apart from the connector's
 * encoder so that tests check one against the other; the user data is decoded by the codec's
 * {@link SmsDecoder}.
 */
public final class SubmitPduDecoder {

	private SubmitPduDecoder() {
	}

	/**
	 * A decoded SMS-SUBMIT.
	 *
	 * @param smsc the SMSC digits, empty when the SIM's is used
	 * @param firstOctet the first octet of the TPDU
	 * @param destination the destination, with {@code +} when international
	 * @param dcs the data coding scheme
	 * @param validity the relative validity octet, or -1 when absent
	 * @param udl the user data length
	 * @param udh the user data header in upper-case hex, empty when none
	 * @param concatenation the concatenation element, or {@code null}
	 * @param text the decoded text
	 */
	public record Submit(String smsc, int firstOctet, String destination, int dcs, int validity, int udl, String udh,
			Concatenation concatenation, String text) {

		/** Whether the sender asked for a status report (TP-SRR). */
		public boolean statusReportRequested() {
			return (this.firstOctet & 0x20) != 0;
		}

	}

	/**
	 * @throws IllegalArgumentException when the hex is not an SMS-SUBMIT this decoder can read
	 */
	public static Submit decode(String hex) {
		try {
			return read(HexFormat.of().parseHex(hex));
		}
		catch (IndexOutOfBoundsException ex) {
			throw new IllegalArgumentException("Truncated SMS-SUBMIT: " + hex, ex);
		}
	}

	private static Submit read(byte[] pdu) {
		int smscLength = pdu[0] & 0xFF;
		String smsc = (smscLength == 0) ? "" : SemiOctets.digits(pdu, 2, (smscLength - 1) * 2);
		int i = 1 + smscLength;
		int first = pdu[i++] & 0xFF;
		if ((first & 0x03) != 0x01) {
			throw new IllegalArgumentException("Not an SMS-SUBMIT (first octet " + first + ")");
		}
		i++; // message reference
		int digitCount = pdu[i++] & 0xFF;
		boolean international = (pdu[i++] & 0xFF) == 0x91;
		String destination = (international ? "+" : "") + SemiOctets.digits(pdu, i, digitCount);
		i += (digitCount + 1) / 2;
		i++; // PID
		int dcs = pdu[i++] & 0xFF;
		int vpf = (first >> 3) & 0x03;
		int validity = (vpf == 0x02) ? pdu[i] & 0xFF : -1;
		i += (vpf == 0x02) ? 1 : (vpf == 0) ? 0 : 7;
		int udl = pdu[i++] & 0xFF;
		boolean udhi = (first & 0x40) != 0;
		byte[] userData = Arrays.copyOfRange(pdu, i, pdu.length);
		DecodedPart part = SmsDecoder.decodeTpdu(userData, udl, Encoding.ofDataCodingScheme(dcs), udhi);
		int udhLength = part.header().length();
		String udh = HexFormat.of().withUpperCase().formatHex(userData, 0, udhLength);
		return new Submit(smsc, first, destination, dcs, validity, udl, udh, part.header().concatenation(),
				part.text());
	}

}
