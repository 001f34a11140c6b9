package io.smsgw.smpp.inbound;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.MalformedUserDataException;
import io.smsgw.common.codec.SmsDecoder;
import io.smsgw.common.codec.UserDataHeader;
import io.smsgw.common.codec.UserDataHeader.Concatenation;

/**
 * Reads what a deliver_sm carries: whether it is a delivery receipt, and the part of a
 * mobile-originated message, decoded by the codec (UDH included) with the SAR TLVs as its
 * concatenation facts when there is no concatenation UDH.
 */
public final class InboundDecoder {

	/** esm_class bits of an SMSC delivery receipt (0x04) and an intermediate notification (0x20). */
	public static final int RECEIPT_BITS = 0x04 | 0x20;

	/** esm_class bit saying that the short message starts with a user data header. */
	public static final int UDHI = 0x40;

	private InboundDecoder() {
	}

	/**
	 * The SAR TLVs of a part.
	 *
	 * @param reference sar_msg_ref_num (16 bits)
	 * @param total sar_total_segments
	 * @param sequence sar_segment_seqnum (1-based)
	 */
	public record Sar(int reference, int total, int sequence) {
	}

	/** Whether a deliver_sm or data_sm with this esm_class is a receipt rather than an MO message. */
	public static boolean isReceipt(int esmClass) {
		return (esmClass & RECEIPT_BITS) != 0;
	}

	/**
	 * Decodes one MO part: the encoding from the SMPP data_coding
	 * ({@link Encoding#ofSmppDataCoding}), septets unpacked (one per octet), the UDH when esm_class
	 * has UDHI. SAR TLVs (when the UDH has no concatenation element, and their values are sound)
	 * make it a part of a concatenated message with a 16-bit reference.
	 * @param sar the SAR TLVs, or {@code null}
	 * @throws MalformedUserDataException when the UDH overruns the data
	 */
	public static DecodedPart decode(int dataCoding, int esmClass, byte[] userData, Sar sar) {
		byte[] data = (userData != null) ? userData : new byte[0];
		boolean udhi = (esmClass & UDHI) != 0 && data.length > 0;
		DecodedPart part = SmsDecoder.decode(data, Encoding.ofSmppDataCoding(dataCoding), udhi);
		if (sar == null || part.isConcatenated() || sar.total() < 2 || sar.sequence() < 1
				|| sar.sequence() > sar.total()) {
			return part;
		}
		UserDataHeader header = part.header();
		Concatenation concatenation = new Concatenation(sar.reference() & 0xFFFF, sar.total(), sar.sequence(), true);
		return new DecodedPart(part.encoding(),
				new UserDataHeader(header.length(), concatenation, header.charset(), header.elements()),
				part.payload(), part.text());
	}

	/** Decodes data whose UDH could not be read as plain user data, so that nothing is lost. */
	public static DecodedPart decodeWithoutHeader(int dataCoding, byte[] userData) {
		return SmsDecoder.decode((userData != null) ? userData : new byte[0], Encoding.ofSmppDataCoding(dataCoding),
				false);
	}

}
