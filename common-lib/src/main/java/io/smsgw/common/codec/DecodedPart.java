package io.smsgw.common.codec;

/**
 * One received part, decoded.
 *
 * @param encoding the alphabet of its data coding scheme
 * @param header its user data header ({@link UserDataHeader#NONE} when it has none)
 * @param payload the user data without header: unpacked septets for GSM-7, UTF-16BE for UCS-2,
 * octets for binary
 * @param text the payload as text (binary as ISO-8859-1, one char per octet)
 */
public record DecodedPart(Encoding encoding, UserDataHeader header, byte[] payload, String text) {

	/** Whether the part belongs to a concatenated message. */
	public boolean isConcatenated() {
		return this.header.concatenation() != null && this.header.concatenation().total() > 1;
	}

}
