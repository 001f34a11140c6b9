package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.smsgw.common.codec.Transliterator.Transliteration;

/**
 * Encodes and splits messages: GSM-7 when every character is in the GSM 03.38 alphabet (with its
 * extension table, or with the national shift tables the options allow), UCS-2 otherwise, or
 * binary octets. Parts never split an escape pair or a surrogate pair, and every part's
 * capacity leaves room for its UDH. The only place in the gateway that counts characters.
 */
public final class SmsCodec {

	/** The default maximum number of parts per message. */
	public static final int DEFAULT_MAX_PARTS = 10;

	private final CodecOptions options;

	private final List<GsmCharset> charsets;

	/** A codec with the given options (per connector, or per tenant for the API's counts). */
	public SmsCodec(CodecOptions options) {
		this.options = options;
		this.charsets = options.charsets();
	}

	/**
	 * @param maxParts most parts a message may take (1 to 255)
	 * @param sixteenBitReference whether to use the 16-bit concatenation reference (IEI 08)
	 */
	public SmsCodec(int maxParts, boolean sixteenBitReference) {
		this(new CodecOptions(maxParts, sixteenBitReference, NationalLanguage.NONE, NationalLanguage.NONE));
	}

	/** A codec with at most 10 parts, 8-bit references and no national tables. */
	public static SmsCodec defaults() {
		return new SmsCodec(CodecOptions.defaults());
	}

	/** The options. */
	public CodecOptions options() {
		return this.options;
	}

	/** Most parts a message may take. */
	public int maxParts() {
		return this.options.maxParts();
	}

	/** The encoding a text needs with the default tables. */
	public static Encoding encodingOf(CharSequence text) {
		return GsmAlphabet.canEncode(text) ? Encoding.GSM7 : Encoding.UCS2;
	}

	/**
	 * Encodes and splits a text, without transliteration.
	 * @param text the message body
	 * @param reference the concatenation reference (only its low 8 or 16 bits are used)
	 * @throws MessageTooLongException when more than the maximum number of parts are needed
	 */
	public EncodedMessage encode(String text, int reference) {
		return encode(text, reference, false);
	}

	/**
	 * Encodes and splits a text. With {@code transliterate}, characters that no allowed GSM table
	 * holds are replaced by their GSM equivalents when that makes the whole text GSM-7; when it
	 * does not, the text goes unchanged in UCS-2 and nothing is replaced.
	 * @throws MessageTooLongException when more than the maximum number of parts are needed
	 */
	public EncodedMessage encode(String text, int reference, boolean transliterate) {
		Plan plan = bestGsmPlan(text);
		if (plan == null && transliterate) {
			Transliteration result = Transliterator.apply(text, this::anyCharsetHolds);
			Plan transliterated = result.replacements().isEmpty() ? null : bestGsmPlan(result.text());
			if (transliterated != null) {
				return build(result.text(), transliterated, reference, result.replacements());
			}
		}
		if (plan == null) {
			plan = plan(text, Encoding.UCS2, GsmCharset.DEFAULT);
		}
		return build(text, plan, reference, List.of());
	}

	/**
	 * Splits binary data (8-bit data coding): 140 octets in one part, 134 per part with an 8-bit
	 * concatenation reference, 133 with a 16-bit one.
	 * @throws MessageTooLongException when more than the maximum number of parts are needed
	 */
	public EncodedMessage encodeBinary(byte[] data, int reference) {
		return splitOctets(Encoding.BINARY, data, reference);
	}

	/** Whether every character of a text is in ISO-8859-1 (see {@link #encodeLatin1}). */
	public static boolean canEncodeLatin1(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Encodes a text as ISO-8859-1 octets (SMPP data_coding 3, for SMSCs that take Latin-1) and
	 * splits it: 140 characters in one part, 134 per part with an 8-bit concatenation reference,
	 * 133 with a 16-bit one. National tables and transliteration do not apply.
	 * @throws IllegalArgumentException when a character is not in ISO-8859-1 (check with
	 * {@link #canEncodeLatin1})
	 * @throws MessageTooLongException when more than the maximum number of parts are needed
	 */
	public EncodedMessage encodeLatin1(String text, int reference) {
		if (!canEncodeLatin1(text)) {
			throw new IllegalArgumentException("The text has characters ISO-8859-1 does not hold");
		}
		return splitOctets(Encoding.LATIN1, text.getBytes(StandardCharsets.ISO_8859_1), reference);
	}

	private EncodedMessage splitOctets(Encoding encoding, byte[] data, int reference) {
		int capacity = partCapacity(encoding, GsmCharset.DEFAULT, data.length > encoding.singleCapacity());
		List<int[]> bounds = new ArrayList<>();
		for (int start = 0; start < data.length || bounds.isEmpty(); start += capacity) {
			int end = Math.min(data.length, start + capacity);
			bounds.add(new int[] { start, end, end - start });
		}
		checkParts(bounds.size());
		int ref = referenceBits(reference, bounds.size());
		List<Segment> segments = new ArrayList<>(bounds.size());
		for (int i = 0; i < bounds.size(); i++) {
			int[] b = bounds.get(i);
			byte[] udh = UserDataHeader.write(ref, bounds.size(), i + 1, this.options.sixteenBitReference(),
					GsmCharset.DEFAULT);
			segments.add(new Segment(i + 1, bounds.size(), ref, udh, Arrays.copyOfRange(data, b[0], b[1]), b[2]));
		}
		return new EncodedMessage(encoding, data.length, segments, capacity - bounds.get(bounds.size() - 1)[2]);
	}

	/** Decodes a part's payload (without UDH) in the given encoding, with the default GSM tables. */
	public static String decode(byte[] payload, Encoding encoding) {
		return switch (encoding) {
			case GSM7 -> GsmAlphabet.decode(payload, 0, payload.length);
			case UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
			case BINARY, LATIN1 -> new String(payload, StandardCharsets.ISO_8859_1);
		};
	}

	private boolean anyCharsetHolds(int c) {
		for (GsmCharset charset : this.charsets) {
			if (charset.septetCost((char) c) > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The GSM-7 plan with the fewest parts, then the most room left in the last part (then the
	 * cheapest header), or null when no allowed charset holds the text.
	 */
	private Plan bestGsmPlan(String text) {
		Plan best = null;
		for (GsmCharset charset : this.charsets) {
			if (charset.canEncode(text)) {
				Plan plan = plan(text, Encoding.GSM7, charset);
				if (best == null || plan.bounds().size() < best.bounds().size()
						|| (plan.bounds().size() == best.bounds().size() && plan.unitsLeft() > best.unitsLeft())) {
					best = plan;
				}
			}
		}
		return best;
	}

	private Plan plan(String text, Encoding encoding, GsmCharset charset) {
		int units = Splitter.count(text, encoding, charset);
		int single = partCapacity(encoding, charset, false);
		if (units <= single) {
			return new Plan(encoding, charset, units, List.of(new int[] { 0, text.length(), units }), single);
		}
		int capacity = partCapacity(encoding, charset, true);
		return new Plan(encoding, charset, units, Splitter.split(text, encoding, charset, capacity), capacity);
	}

	private int partCapacity(Encoding encoding, GsmCharset charset, boolean concatenated) {
		int udhLength = UserDataHeader.lengthOf(concatenated, this.options.sixteenBitReference(), charset);
		return (udhLength == 0) ? encoding.singleCapacity() : encoding.partCapacity(udhLength);
	}

	private EncodedMessage build(String text, Plan plan, int reference, List<Replacement> replacements) {
		List<int[]> bounds = plan.bounds();
		checkParts(bounds.size());
		int ref = referenceBits(reference, bounds.size());
		List<Segment> segments = new ArrayList<>(bounds.size());
		for (int i = 0; i < bounds.size(); i++) {
			int[] b = bounds.get(i);
			byte[] udh = UserDataHeader.write(ref, bounds.size(), i + 1, this.options.sixteenBitReference(),
					plan.charset());
			byte[] payload = Splitter.payload(text, b[0], b[1], plan.encoding(), plan.charset(), b[2]);
			segments.add(new Segment(i + 1, bounds.size(), ref, udh, payload, b[2]));
		}
		return new EncodedMessage(plan.encoding(), plan.units(), segments, plan.unitsLeft(), plan.charset(),
				replacements, text);
	}

	private void checkParts(int parts) {
		if (parts > this.options.maxParts()) {
			throw new MessageTooLongException(parts, this.options.maxParts());
		}
	}

	private int referenceBits(int reference, int parts) {
		return (parts == 1) ? 0 : reference & (this.options.sixteenBitReference() ? 0xFFFF : 0xFF);
	}

	/** How a text would be sent: its parts as {start, end, units} and the capacity of its last part. */
	private record Plan(Encoding encoding, GsmCharset charset, int units, List<int[]> bounds, int capacity) {

		int unitsLeft() {
			return this.capacity - this.bounds.get(this.bounds.size() - 1)[2];
		}

	}

}
