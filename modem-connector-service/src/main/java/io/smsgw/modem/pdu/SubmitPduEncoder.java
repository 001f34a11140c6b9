package io.smsgw.modem.pdu;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.Septets;

/**
 * Encodes the parts of a message as SMS-SUBMIT PDUs (3GPP TS 23.040 §9.2.2.2): message
 * reference 0 (the modem assigns one), international destination, PID 0, DCS of the encoding,
 * relative validity, and the user data with its header (concatenation, national shift tables)
 * when there is one; GSM-7 septets are packed after the fill bits by the codec's {@link Septets}.
 */
public final class SubmitPduEncoder {

	private static final int MTI_SUBMIT = 0x01;

	private static final int VPF_RELATIVE = 0x10;

	private static final int SRR = 0x20;

	private static final int UDHI = 0x40;

	private final byte[] smscAddress;

	private final int validity;

	private final boolean statusReport;

	/**
	 * @param smscNumber the SMSC in E.164, or {@code null} to use the one stored on the SIM
	 * @param validity how long the SMSC keeps trying
	 * @param statusReport whether to ask for a status report (TP-SRR)
	 */
	public SubmitPduEncoder(String smscNumber, Duration validity, boolean statusReport) {
		this.smscAddress = (smscNumber == null || smscNumber.isBlank()) ? new byte[] { 0x00 } : smsc(smscNumber);
		this.validity = ValidityPeriod.relative(validity);
		this.statusReport = statusReport;
	}

	/** The PDUs of every part, in order. */
	public List<SubmitPdu> encode(String destination, EncodedMessage message) {
		byte[] address = Addresses.destination(destination);
		return message.segments().stream().map((segment) -> encode(address, message.encoding(), segment)).toList();
	}

	private SubmitPdu encode(byte[] address, Encoding encoding, Segment segment) {
		ByteArrayOutputStream tpdu = new ByteArrayOutputStream(160);
		boolean udhi = segment.udh().length > 0;
		tpdu.write(MTI_SUBMIT | VPF_RELATIVE | (this.statusReport ? SRR : 0) | (udhi ? UDHI : 0));
		tpdu.write(0x00);
		tpdu.writeBytes(address);
		tpdu.write(0x00);
		tpdu.write(encoding.dataCoding());
		tpdu.write(this.validity);
		if (encoding == Encoding.GSM7) {
			tpdu.write(Septets.userDataLength(segment.udh().length, segment.units()));
			tpdu.writeBytes(segment.packedUserData());
		}
		else {
			tpdu.write(segment.udh().length + segment.payload().length);
			tpdu.writeBytes(segment.udhAndPayload());
		}
		byte[] body = tpdu.toByteArray();
		HexFormat hex = HexFormat.of().withUpperCase();
		return new SubmitPdu(hex.formatHex(this.smscAddress) + hex.formatHex(body), body.length);
	}

	private static byte[] smsc(String number) {
		byte[] address = Addresses.destination(number);
		// the SMSC address counts octets (type included), not digits
		address[0] = (byte) (address.length - 1);
		return address;
	}

}
