package io.smsgw.smpp.cloudhopper;

import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;

import io.smsgw.smpp.submit.SmppAddress;
import io.smsgw.smpp.submit.SubmitPart;

/** Writes a {@link SubmitPart} as a Cloudhopper {@link SubmitSm}. */
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
		try {
			submit.setShortMessage(part.shortMessage());
		}
		catch (SmppInvalidArgumentException ex) {
			throw new IllegalArgumentException("short message of part " + part.partNumber() + " too long", ex);
		}
		return submit;
	}

	private static Address address(SmppAddress address) {
		return new Address((byte) address.ton(), (byte) address.npi(), address.address());
	}

}
