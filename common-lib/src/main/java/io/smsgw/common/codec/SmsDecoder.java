package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the user data of received messages: the header (concatenation, national shift
 * tables; unknown elements skipped), then GSM-7 (unpacked as SMPP carries it, or packed with
 * fill bits as in a TPDU), UCS-2 or binary.
 */
public final class SmsDecoder {

	private SmsDecoder() {
	}

	/**
	 * Decodes user data whose septets are unpacked, one per octet (SMPP {@code short_message} or
	 * {@code message_payload}); a header, when {@code udhi} says there is one, is in octets.
	 * @throws MalformedUserDataException when the header overruns the data
	 */
	public static DecodedPart decode(byte[] userData, Encoding encoding, boolean udhi) {
		UserDataHeader header = udhi ? UserDataHeader.parse(userData) : UserDataHeader.NONE;
		byte[] payload = Arrays.copyOfRange(userData, header.length(), userData.length);
		return new DecodedPart(encoding, header, payload, text(payload, encoding, header.charset()));
	}

	/**
	 * Decodes a TPDU's TP-User-Data (SMS-DELIVER or SMS-SUBMIT, TS 23.040 §9.2.3.24): for GSM-7
	 * the septets are packed after the header and its fill bits, and {@code userDataLength} counts
	 * septets (header included); for UCS-2 and binary it counts octets.
	 * @throws MalformedUserDataException when the lengths do not fit the data
	 */
	public static DecodedPart decodeTpdu(byte[] userData, int userDataLength, Encoding encoding, boolean udhi) {
		if (encoding != Encoding.GSM7) {
			if (userDataLength > userData.length) {
				throw new MalformedUserDataException("TP-UDL " + userDataLength + " exceeds the user data");
			}
			return decode(Arrays.copyOf(userData, userDataLength), encoding, udhi);
		}
		UserDataHeader header = udhi ? UserDataHeader.parse(userData) : UserDataHeader.NONE;
		int headerSeptets = Septets.headerSeptets(header.length());
		int count = userDataLength - headerSeptets;
		if (count < 0) {
			throw new MalformedUserDataException("TP-UDL " + userDataLength + " is shorter than the header");
		}
		byte[] septets = Septets.unpack(userData, header.length(), Septets.fillBits(header.length()), count);
		return new DecodedPart(encoding, header, septets, header.charset().decode(septets, 0, septets.length));
	}

	static String text(byte[] payload, Encoding encoding, GsmCharset charset) {
		return switch (encoding) {
			case GSM7 -> charset.decode(payload, 0, payload.length);
			case UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
			case BINARY, LATIN1 -> new String(payload, StandardCharsets.ISO_8859_1);
		};
	}

}
