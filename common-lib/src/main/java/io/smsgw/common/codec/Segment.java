package io.smsgw.common.codec;

/**
 * One part of an encoded message as it goes on the wire.
 *
 * @param number 1-based part number
 * @param total number of parts
 * @param reference concatenation reference shared by the parts (0 for a single part)
 * @param udh the user data header with the concatenation element, or an empty array for a
 * single-part message; SAR TLVs or message_payload carry the same facts without it
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

}
