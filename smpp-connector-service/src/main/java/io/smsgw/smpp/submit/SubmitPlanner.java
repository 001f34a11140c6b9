package io.smsgw.smpp.submit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.DispatchRequest;

/**
 * Turns a dispatched message into the submit_sm parts of one connection: encoded and split by
 * {@link SmsCodec} (or as Latin-1 octets when the connection asks for it), tied together as the
 * connection wants ({@link Concatenation}: UDH, SAR TLVs or one message_payload), with the
 * connection's data_coding values, registered_delivery and validity.
 *
 * @param codec the codec
 * @param maxParts most parts a message may take (the codec's limit, also for Latin-1 texts)
 * @param addresses TON/NPI rules
 * @param dataCodings data_coding values
 * @param concatenation how parts are tied together
 * @param registeredDelivery registered_delivery of every part
 * @param defaultValidity validity of a message that carries none, or {@code null} for the SMSC's
 * @param clock the clock the default validity counts from
 */
public record SubmitPlanner(SmsCodec codec, int maxParts, AddressRules addresses, DataCodings dataCodings,
		Concatenation concatenation, int registeredDelivery, Duration defaultValidity, Clock clock) {

	/** esm_class bit saying that the short message starts with a user data header. */
	public static final int ESM_CLASS_UDHI = 0x40;

	private static final int LATIN1_SINGLE = 140;

	private static final int LATIN1_PART = 134;

	private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("yyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	/** A planner with at most 10 parts, UDH concatenation, default data codings and no validity. */
	public SubmitPlanner(SmsCodec codec, AddressRules addresses, int registeredDelivery) {
		this(codec, SmsCodec.DEFAULT_MAX_PARTS, addresses, DataCodings.defaults(), Concatenation.UDH, registeredDelivery, null,
				Clock.systemUTC());
	}

	/**
	 * The parts to send.
	 * @throws IllegalArgumentException when the message has no destination or text
	 * @throws MessageTooLongException when it needs too many parts
	 */
	public List<SubmitPart> plan(DispatchRequest request) {
		if (request.to() == null || request.to().isBlank() || request.body() == null || request.body().isEmpty()) {
			throw new IllegalArgumentException("message needs a destination and a text");
		}
		int reference = MessageIds.concatenationReference(request.messageId());
		Encoded encoded = encode(request.body(), reference);
		Shape shape = new Shape(this.addresses.source(request.from()), this.addresses.destination(request.to()),
				encoded.dataCoding(), validity(request.validUntil()));
		if (this.concatenation == Concatenation.PAYLOAD) {
			ByteArrayOutputStream whole = new ByteArrayOutputStream();
			encoded.segments().forEach((s) -> whole.writeBytes(s.payload()));
			return List.of(shape.part(1, 1, 0, new byte[0], whole.toByteArray(), null, this.registeredDelivery));
		}
		List<SubmitPart> parts = new ArrayList<>(encoded.segments().size());
		for (Segment segment : encoded.segments()) {
			if (!segment.isConcatenated()) {
				parts.add(shape.part(1, 1, 0, segment.payload(), null, null, this.registeredDelivery));
			}
			else if (this.concatenation == Concatenation.SAR) {
				SubmitPart.Sar sar = new SubmitPart.Sar(reference & 0xFFFF, segment.total(), segment.number());
				parts.add(shape.part(segment.number(), segment.total(), 0, segment.payload(), null, sar,
						this.registeredDelivery));
			}
			else {
				parts.add(shape.part(segment.number(), segment.total(), ESM_CLASS_UDHI, segment.udhAndPayload(), null,
						null, this.registeredDelivery));
			}
		}
		return parts;
	}

	/** validity_period in SMPP absolute format ({@code YYMMDDhhmmss000+}, UTC), or null for none. */
	String validity(Instant validUntil) {
		Instant until = (validUntil != null) ? validUntil
				: (this.defaultValidity != null) ? this.clock.instant().plus(this.defaultValidity) : null;
		return (until != null) ? VALIDITY.format(until) + "000+" : null;
	}

	private Encoded encode(String text, int reference) {
		Integer latin1 = this.dataCodings.latin1();
		if (latin1 != null && StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
			return new Encoded(latin1, latin1Segments(text.getBytes(StandardCharsets.ISO_8859_1), reference));
		}
		EncodedMessage encoded = this.codec.encode(text, reference);
		int dataCoding = (encoded.encoding() == Encoding.UCS2) ? this.dataCodings.ucs2()
				: (encoded.encoding() == Encoding.GSM7) ? this.dataCodings.gsm7() : encoded.encoding().dataCoding();
		return new Encoded(dataCoding, encoded.segments());
	}

	private List<Segment> latin1Segments(byte[] octets, int reference) {
		if (octets.length <= LATIN1_SINGLE) {
			return List.of(new Segment(1, 1, 0, new byte[0], octets, octets.length));
		}
		int total = (octets.length + LATIN1_PART - 1) / LATIN1_PART;
		if (total > this.maxParts) {
			throw new MessageTooLongException(total, this.maxParts);
		}
		int ref = reference & 0xFF;
		List<Segment> segments = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			int from = i * LATIN1_PART;
			byte[] payload = java.util.Arrays.copyOfRange(octets, from, Math.min(octets.length, from + LATIN1_PART));
			byte[] udh = { 0x05, 0x00, 0x03, (byte) ref, (byte) total, (byte) (i + 1) };
			segments.add(new Segment(i + 1, total, ref, udh, payload, payload.length));
		}
		return segments;
	}

	private record Encoded(int dataCoding, List<Segment> segments) {
	}

	private record Shape(SmppAddress source, SmppAddress destination, int dataCoding, String validity) {

		SubmitPart part(int number, int total, int esmClass, byte[] shortMessage, byte[] payload, SubmitPart.Sar sar,
				int registeredDelivery) {
			return new SubmitPart(number, total, this.source, this.destination, esmClass, this.dataCoding,
					registeredDelivery, shortMessage, payload, sar, this.validity);
		}

	}

}
