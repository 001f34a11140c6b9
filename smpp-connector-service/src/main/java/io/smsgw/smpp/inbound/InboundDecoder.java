package io.smsgw.smpp.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.SmsCodec;

/**
 * Reads what a deliver_sm carries: whether it is a delivery receipt, and the text of a
 * mobile-originated message. Parts of a concatenated MO message are decoded one by one and
 * marked incomplete; reassembling them is not done yet.
 */
public final class InboundDecoder {

	/** esm_class bits of an SMSC delivery receipt (0x04) and an intermediate notification (0x20). */
	public static final int RECEIPT_BITS = 0x04 | 0x20;

	private InboundDecoder() {
	}

	/**
	 * The text of a mobile-originated message.
	 *
	 * @param text the decoded text (without UDH)
	 * @param concatenated whether it is one part of a longer message
	 */
	public record Decoded(String text, boolean concatenated) {
	}

	/** Whether a deliver_sm or data_sm with this esm_class is a receipt rather than an MO message. */
	public static boolean isReceipt(int esmClass) {
		return (esmClass & RECEIPT_BITS) != 0;
	}

	/**
	 * Decodes an MO short message: data_coding 0 and 1 as GSM 03.38 (unpacked, one septet per
	 * octet), 3 as Latin-1, 8 as UCS-2, anything else as Latin-1 octets.
	 */
	public static Decoded decode(int dataCoding, int esmClass, byte[] shortMessage) {
		byte[] payload = (shortMessage != null) ? shortMessage : new byte[0];
		boolean concatenated = false;
		if ((esmClass & 0x40) != 0 && payload.length > 0) {
			int udhLength = Math.min(payload.length, (payload[0] & 0xFF) + 1);
			concatenated = hasConcatenation(Arrays.copyOfRange(payload, 1, udhLength));
			payload = Arrays.copyOfRange(payload, udhLength, payload.length);
		}
		String text = switch (dataCoding & 0xFF) {
			case 0x00, 0x01 -> SmsCodec.decode(payload, Encoding.GSM7);
			case 0x08 -> SmsCodec.decode(payload, Encoding.UCS2);
			default -> new String(payload, StandardCharsets.ISO_8859_1);
		};
		return new Decoded(text, concatenated);
	}

	private static boolean hasConcatenation(byte[] elements) {
		int i = 0;
		while (i + 1 < elements.length) {
			int iei = elements[i] & 0xFF;
			if (iei == 0x00 || iei == 0x08) {
				return true;
			}
			i += 2 + (elements[i + 1] & 0xFF);
		}
		return false;
	}

}
