package io.smsgw.common.codec;

/**
 * One part of an encoded message as it goes on the wire. The concatenation facts are here as
 * numbers, so that SAR TLVs ({@code sar_msg_ref_num}, {@code sar_total_segments},
 * {@code sar_segment_seqnum}) carry them without the UDH.
 *
 * @param number 1-based part number (the SAR segment sequence number)
 * @param total number of parts
 * @param reference concatenation reference shared by the parts (0 for a single part)
 * @param udh the user data header (concatenation element when there are several parts, national
 * shift elements when a national table is used), its length octet first; empty when neither
 * @param payload the user data without UDH: unpacked septets (one per byte) for GSM-7, UTF-16BE
 * for UCS-2, octets for binary
 * @param units septets, UTF-16 units or octets in this part
 */
public record Segment(int number, int total, int reference, byte[] udh, byte[] payload, int units) {

	/** Whether this part carries a concatenation header. */
	public boolean isConcatenated() {
		return this.total > 1;
	}

	/** The UDH followed by the payload: the SMPP short_message of this part in UDH mode. */
	public byte[] udhAndPayload() {
		byte[] bytes = new byte[this.udh.length + this.payload.length];
		System.arraycopy(this.udh, 0, bytes, 0, this.udh.length);
		System.arraycopy(this.payload, 0, bytes, this.udh.length, this.payload.length);
		return bytes;
	}

	/**
	 * The TP-User-Data of a GSM-7 part with its septets packed after the fill bits (modem PDU
	 * mode, or an SMSC that takes packed septets). Its length in septets is
	 * {@link Septets#userDataLength(int, int) userDataLength(udh.length, units)}.
	 */
	public byte[] packedUserData() {
		return Septets.userData(this.udh, this.payload);
	}

}
