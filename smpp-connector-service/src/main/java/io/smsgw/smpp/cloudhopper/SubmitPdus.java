package io.smsgw.smpp.cloudhopper;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;

import io.smsgw.smpp.submit.SmppAddress;
import io.smsgw.smpp.submit.SubmitPart;

/** Writes a {@link SubmitPart} as a Cloudhopper {@link SubmitSm}, with its SAR or message_payload TLVs. */
final class SubmitPdus {

	private SubmitPdus() {
	}

	static SubmitSm toPdu(SubmitPart part, String serviceType) {
		SubmitSm submit = new SubmitSm();
		submit.setServiceType(serviceType);
		submit.setSourceAddress(address(part.source()));
		submit.setDestAddress(address(part.destination()));
		submit.setEsmClass((byte) part.esmClass());
		submit.setDataCoding((byte) part.dataCoding());
		submit.setRegisteredDelivery((byte) part.registeredDelivery());
		if (part.validityPeriod() != null) {
			submit.setValidityPeriod(part.validityPeriod());
		}
		try {
			submit.setShortMessage(part.shortMessage());
		}
		catch (SmppInvalidArgumentException ex) {
			throw new IllegalArgumentException("short message of part " + part.partNumber() + " too long", ex);
		}
		if (part.messagePayload() != null) {
			submit.addOptionalParameter(new Tlv(SmppConstants.TAG_MESSAGE_PAYLOAD, part.messagePayload()));
		}
		SubmitPart.Sar sar = part.sar();
		if (sar != null) {
			submit.addOptionalParameter(new Tlv(SmppConstants.TAG_SAR_MSG_REF_NUM,
					new byte[] { (byte) (sar.reference() >> 8), (byte) sar.reference() }));
			submit.addOptionalParameter(new Tlv(SmppConstants.TAG_SAR_TOTAL_SEGMENTS, new byte[] { (byte) sar.total() }));
			submit.addOptionalParameter(
					new Tlv(SmppConstants.TAG_SAR_SEGMENT_SEQNUM, new byte[] { (byte) sar.sequence() }));
		}
		return submit;
	}

	private static Address address(SmppAddress address) {
		return new Address((byte) address.ton(), (byte) address.npi(), address.address());
	}

}
