package io.smsgw.common.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A text encoded and split for sending, with what a tenant is told about it.
 *
 * @param encoding the encoding chosen
 * @param units septets (GSM-7, extension characters count two), UTF-16 units or octets in all
 * @param segments the parts in order
 * @param unitsLeft units still free in the last part (characters left, counting an extension
 * character as two and an emoji as two)
 * @param charset the GSM 7-bit tables used ({@link GsmCharset#DEFAULT} for UCS-2 and binary)
 * @param replacements what transliteration replaced; empty when it was off or changed nothing
 * @param text the text as it is sent (after transliteration), or {@code null} for octets
 * (binary, Latin-1)
 */
public record EncodedMessage(Encoding encoding, int units, List<Segment> segments, int unitsLeft, GsmCharset charset,
		List<Replacement> replacements, String text) {

	public EncodedMessage {
		segments = List.copyOf(segments);
		charset = (charset != null) ? charset : GsmCharset.DEFAULT;
		replacements = (replacements != null) ? List.copyOf(replacements) : List.of();
	}

	/** A message in the default tables, not transliterated. */
	public EncodedMessage(Encoding encoding, int units, List<Segment> segments, int unitsLeft) {
		this(encoding, units, segments, unitsLeft, GsmCharset.DEFAULT, List.of(), null);
	}

	/** The number of parts. */
	public int segmentCount() {
		return this.segments.size();
	}

	/** Whether transliteration changed the text. */
	public boolean isTransliterated() {
		return !this.replacements.isEmpty();
	}

	/**
	 * The whole message without any UDH, for SMPP {@code message_payload}: unpacked septets for
	 * GSM-7 (no escape pair is ever split, so this is the whole text's septets), UTF-16BE for
	 * UCS-2, octets for binary.
	 */
	public byte[] payload() {
		ByteArrayOutputStream payload = new ByteArrayOutputStream(this.units * 2);
		this.segments.forEach((segment) -> payload.writeBytes(segment.payload()));
		return payload.toByteArray();
	}

	/**
	 * The UDH with the national shift elements only, for sending the message whole
	 * ({@code message_payload}) or with SAR TLVs: empty when the default tables are used.
	 */
	public byte[] shiftHeader() {
		return UserDataHeader.write(0, 1, 1, false, this.charset);
	}

}
