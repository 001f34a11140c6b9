package io.smsgw.smpp.submit;

import java.io.ByteArrayOutputStream;
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
import io.smsgw.common.codec.Septets;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.DispatchRequest;

/**
 * Turns a dispatched message into the submit_sm parts of one connection: encoded and split by
 * {@link SmsCodec} (GSM-7 with the connection's national tables, UCS-2, or Latin-1 when the
 * connection asks for it), tied together as the connection wants ({@link Concatenation}: UDH,
 * SAR TLVs or one message_payload), with GSM-7 septets unpacked or packed, the connection's
 * data_coding values, registered_delivery and validity.
 *
 * @param codec the connection's codec (its maximum parts, national tables)
 * @param addresses TON/NPI rules
 * @param dataCodings data_coding values
 * @param concatenation how parts are tied together
 * @param registeredDelivery registered_delivery of every part
 * @param defaultValidity validity of a message that carries none, or {@code null} for the SMSC's
 * @param clock the clock the default validity counts from
 * @param gsm7Packing whether GSM-7 user data goes packed (7 bits per septet, after the UDH and its
 * fill bits) rather than one septet per octet
 */
public record SubmitPlanner(SmsCodec codec, AddressRules addresses, DataCodings dataCodings,
		Concatenation concatenation, int registeredDelivery, Duration defaultValidity, Clock clock,
		boolean gsm7Packing) {

	/** esm_class bit saying that the short message starts with a user data header. */
	public static final int ESM_CLASS_UDHI = 0x40;

	private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("yyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	/** A planner with UDH concatenation, default data codings, unpacked septets and no validity. */
	public SubmitPlanner(SmsCodec codec, AddressRules addresses, int registeredDelivery) {
		this(codec, addresses, DataCodings.defaults(), Concatenation.UDH, registeredDelivery, null, Clock.systemUTC(),
				false);
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
		EncodedMessage encoded = encode(request.body(), reference);
		Shape shape = new Shape(this.addresses.source(request.from()), this.addresses.destination(request.to()),
				dataCoding(encoded.encoding()), validity(request.validUntil()));
		boolean packed = this.gsm7Packing && encoded.encoding() == Encoding.GSM7;
		byte[] shift = encoded.shiftHeader();
		int shiftEsm = (shift.length > 0) ? ESM_CLASS_UDHI : 0;
		if (this.concatenation == Concatenation.PAYLOAD) {
			byte[] whole = userData(shift, encoded.payload(), packed);
			return List.of(shape.part(1, 1, shiftEsm, new byte[0], whole, null, this.registeredDelivery));
		}
		List<SubmitPart> parts = new ArrayList<>(encoded.segments().size());
		for (Segment segment : encoded.segments()) {
			if (segment.isConcatenated() && this.concatenation == Concatenation.SAR) {
				SubmitPart.Sar sar = new SubmitPart.Sar(reference & 0xFFFF, segment.total(), segment.number());
				parts.add(shape.part(segment.number(), segment.total(), shiftEsm,
						userData(shift, segment.payload(), packed), null, sar, this.registeredDelivery));
			}
			else {
				// UDH mode, or a single part: its UDH holds the national shift elements, if any
				int esmClass = (segment.udh().length > 0) ? ESM_CLASS_UDHI : 0;
				parts.add(shape.part(segment.number(), segment.total(), esmClass,
						userData(segment.udh(), segment.payload(), packed), null, null, this.registeredDelivery));
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

	private EncodedMessage encode(String text, int reference) {
		if (this.dataCodings.latin1() != null && SmsCodec.canEncodeLatin1(text)) {
			return this.codec.encodeLatin1(text, reference);
		}
		return this.codec.encode(text, reference);
	}

	private int dataCoding(Encoding encoding) {
		return switch (encoding) {
			case GSM7 -> this.dataCodings.gsm7();
			case UCS2 -> this.dataCodings.ucs2();
			case LATIN1 -> this.dataCodings.latin1();
			case BINARY -> encoding.dataCoding();
		};
	}

	/** The header (may be empty) and the payload, GSM-7 septets packed after the fill bits when asked. */
	private static byte[] userData(byte[] udh, byte[] payload, boolean packed) {
		if (packed) {
			return Septets.userData(udh, payload);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(udh.length + payload.length);
		bytes.writeBytes(udh);
		bytes.writeBytes(payload);
		return bytes.toByteArray();
	}

	private record Shape(SmppAddress source, SmppAddress destination, int dataCoding, String validity) {

		SubmitPart part(int number, int total, int esmClass, byte[] shortMessage, byte[] payload, SubmitPart.Sar sar,
				int registeredDelivery) {
			return new SubmitPart(number, total, this.source, this.destination, esmClass, this.dataCoding,
					registeredDelivery, shortMessage, payload, sar, this.validity);
		}

	}

}
