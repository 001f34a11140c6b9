package io.smsgw.common.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A user data header (3GPP TS 23.040 §9.2.3.24) as the codec reads and writes it: the
 * concatenation element (IEI 0x00, 8-bit reference, or 0x08, 16-bit) and the national language
 * single shift (0x24) and locking shift (0x25) elements. Other elements are kept in
 * {@link #elements()} and otherwise skipped.
 *
 * @param length octets of the header, its length octet (UDHL) included; 0 when there is none
 * @param concatenation the concatenation element, or {@code null}
 * @param charset the GSM 7-bit tables the shift elements select
 * @param elements every element in order
 */
public record UserDataHeader(int length, Concatenation concatenation, GsmCharset charset, List<Element> elements) {

	/** IEI of concatenation with an 8-bit reference. */
	public static final byte CONCATENATION_8BIT = 0x00;

	/** IEI of concatenation with a 16-bit reference. */
	public static final byte CONCATENATION_16BIT = 0x08;

	/** IEI of the national language single shift. */
	public static final byte SINGLE_SHIFT = 0x24;

	/** IEI of the national language locking shift. */
	public static final byte LOCKING_SHIFT = 0x25;

	/** No header. */
	public static final UserDataHeader NONE = new UserDataHeader(0, null, GsmCharset.DEFAULT, List.of());

	public UserDataHeader {
		elements = List.copyOf(elements);
	}

	/**
	 * Where a part belongs in a concatenated message.
	 *
	 * @param reference the reference shared by the parts
	 * @param total the number of parts
	 * @param sequence this part's number, from 1
	 * @param sixteenBit whether the reference is 16-bit (IEI 0x08)
	 */
	public record Concatenation(int reference, int total, int sequence, boolean sixteenBit) {
	}

	/**
	 * One information element.
	 *
	 * @param iei its identifier
	 * @param data its data, without identifier and length
	 */
	public record Element(int iei, byte[] data) {
	}

	/**
	 * Reads the header at the start of user data (its first octet is the UDHL). A concatenation
	 * element with a total or sequence of 0, or a sequence above the total, is ignored, as TS
	 * 23.040 asks; when an element repeats, the last one counts.
	 * @throws MalformedUserDataException when a length points beyond the data
	 */
	public static UserDataHeader parse(byte[] userData) {
		if (userData.length == 0 || (userData[0] & 0xFF) + 1 > userData.length) {
			throw new MalformedUserDataException("The user data header is longer than the user data");
		}
		int end = 1 + (userData[0] & 0xFF);
		Concatenation concatenation = null;
		NationalLanguage locking = NationalLanguage.NONE;
		NationalLanguage single = NationalLanguage.NONE;
		List<Element> elements = new ArrayList<>();
		int i = 1;
		while (i < end) {
			if (i + 2 > end || i + 2 + (userData[i + 1] & 0xFF) > end) {
				throw new MalformedUserDataException("An element of the user data header overruns it at octet " + i);
			}
			int iei = userData[i] & 0xFF;
			int length = userData[i + 1] & 0xFF;
			byte[] data = java.util.Arrays.copyOfRange(userData, i + 2, i + 2 + length);
			elements.add(new Element(iei, data));
			if (iei == CONCATENATION_8BIT && length == 3) {
				concatenation = concatenation(data[0] & 0xFF, data[1] & 0xFF, data[2] & 0xFF, false, concatenation);
			}
			else if (iei == CONCATENATION_16BIT && length == 4) {
				int reference = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
				concatenation = concatenation(reference, data[2] & 0xFF, data[3] & 0xFF, true, concatenation);
			}
			else if (iei == SINGLE_SHIFT && length == 1) {
				single = NationalLanguage.ofCode(data[0] & 0xFF);
			}
			else if (iei == LOCKING_SHIFT && length == 1) {
				locking = NationalLanguage.ofCode(data[0] & 0xFF);
			}
			i += 2 + length;
		}
		return new UserDataHeader(end, concatenation, new GsmCharset(locking, single), elements);
	}

	private static Concatenation concatenation(int reference, int total, int sequence, boolean sixteenBit,
			Concatenation previous) {
		if (total == 0 || sequence == 0 || sequence > total) {
			return previous;
		}
		return new Concatenation(reference, total, sequence, sixteenBit);
	}

	/**
	 * Writes a header: the concatenation element (when {@code total > 1}) then the charset's
	 * shift elements; an empty array when there is neither.
	 */
	public static byte[] write(int reference, int total, int sequence, boolean sixteenBit, GsmCharset charset) {
		ByteArrayOutputStream elements = new ByteArrayOutputStream(16);
		if (total > 1) {
			if (sixteenBit) {
				elements.writeBytes(new byte[] { CONCATENATION_16BIT, 0x04, (byte) (reference >> 8), (byte) reference,
						(byte) total, (byte) sequence });
			}
			else {
				elements.writeBytes(
						new byte[] { CONCATENATION_8BIT, 0x03, (byte) reference, (byte) total, (byte) sequence });
			}
		}
		elements.writeBytes(charset.headerElements());
		if (elements.size() == 0) {
			return new byte[0];
		}
		byte[] udh = new byte[elements.size() + 1];
		udh[0] = (byte) elements.size();
		System.arraycopy(elements.toByteArray(), 0, udh, 1, elements.size());
		return udh;
	}

	/** Octets of a header with concatenation ({@code concatenated}) and the charset's shift elements. */
	public static int lengthOf(boolean concatenated, boolean sixteenBit, GsmCharset charset) {
		int length = (concatenated ? (sixteenBit ? 6 : 5) : 0) + charset.headerElements().length;
		return (length == 0) ? 0 : length + 1;
	}

}
