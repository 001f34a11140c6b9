package io.smsgw.smpp.submit;

import java.util.ArrayList;
import java.util.List;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.DispatchRequest;

/**
 * Turns a dispatched message into the submit_sm parts of one connection: encoded and split by
 * {@link SmsCodec} (concatenation reference derived from the message id), one part per segment
 * with the UDH in the short message (esm_class 0x40) when there are several.
 *
 * @param codec the codec
 * @param addresses TON/NPI rules
 * @param gsm7DataCoding data_coding of GSM-7 texts
 * @param ucs2DataCoding data_coding of UCS-2 texts
 * @param registeredDelivery registered_delivery of every part
 */
public record SubmitPlanner(SmsCodec codec, AddressRules addresses, int gsm7DataCoding, int ucs2DataCoding,
		int registeredDelivery) {

	/** esm_class bit saying that the short message starts with a user data header. */
	public static final int ESM_CLASS_UDHI = 0x40;

	/**
	 * The parts to send.
	 * @throws IllegalArgumentException when the message has no destination or text
	 * @throws io.smsgw.common.codec.MessageTooLongException when it needs too many parts
	 */
	public List<SubmitPart> plan(DispatchRequest request) {
		if (request.to() == null || request.to().isBlank() || request.body() == null || request.body().isEmpty()) {
			throw new IllegalArgumentException("message needs a destination and a text");
		}
		EncodedMessage encoded = this.codec.encode(request.body(),
				MessageIds.concatenationReference(request.messageId()));
		SmppAddress source = this.addresses.source(request.from());
		SmppAddress destination = this.addresses.destination(request.to());
		int dataCoding = (encoded.encoding() == Encoding.UCS2) ? this.ucs2DataCoding
				: (encoded.encoding() == Encoding.GSM7) ? this.gsm7DataCoding : encoded.encoding().dataCoding();
		List<SubmitPart> parts = new ArrayList<>(encoded.segmentCount());
		for (Segment segment : encoded.segments()) {
			int esmClass = segment.isConcatenated() ? ESM_CLASS_UDHI : 0;
			parts.add(new SubmitPart(segment.number(), segment.total(), source, destination, esmClass, dataCoding,
					this.registeredDelivery, segment.udhAndPayload()));
		}
		return parts;
	}

}
