package io.smsgw.simulator.modem;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.Septets;
import io.smsgw.common.codec.SmsCodec;

/**
 * The PDUs a network sends a modem (3GPP TS 23.040): SMS-DELIVER (§9.2.2.1), split and
 * encoded by the shared codec with a concatenation header when the text needs several parts,
 * and SMS-STATUS-REPORT (§9.2.2.3). Each PDU starts with an SMSC address, as {@code +CMGR}
 * shows it.
 */
public final class NetworkPdus {

	/** The SMSC address the simulated network writes: +31624000000. */
	private static final String SMSC = "07911326040000F0";

	private NetworkPdus() {
	}

	/**
	 * A PDU as the modem stores it.
	 *
	 * @param hex SMSC address and TPDU in upper-case hex
	 * @param tpduLength the TPDU's octets (what {@code +CMGR} and {@code +CMT} announce)
	 */
	public record Pdu(String hex, int tpduLength) {
	}

	/**
	 * The SMS-DELIVER parts of a text from {@code originator} (E.164 with {@code +}, or
	 * alphanumeric), GSM-7 when it fits the default alphabet, UCS-2 otherwise.
	 * @param reference the concatenation reference of a text that takes several parts
	 */
	public static List<Pdu> deliver(String originator, String text, int reference, OffsetDateTime sentAt) {
		EncodedMessage message = SmsCodec.defaults().encode(text, reference);
		return message.segments().stream().map((segment) -> deliver(originator, message.encoding(), segment, sentAt)).toList();
	}

	private static Pdu deliver(String originator, Encoding encoding, Segment segment, OffsetDateTime sentAt) {
		ByteArrayOutputStream tpdu = new ByteArrayOutputStream();
		// MTI 00 SMS-DELIVER, TP-MMS (no more messages waiting), TP-UDHI when there is a header
		tpdu.write(0x04 | ((segment.udh().length > 0) ? 0x40 : 0));
		tpdu.writeBytes(SemiOctets.address(originator));
		tpdu.write(0x00);
		tpdu.write(encoding.dataCoding());
		tpdu.writeBytes(SemiOctets.timestamp(sentAt));
		if (encoding == Encoding.GSM7) {
			tpdu.write(Septets.userDataLength(segment.udh().length, segment.units()));
			tpdu.writeBytes(segment.packedUserData());
		}
		else {
			tpdu.write(segment.udh().length + segment.payload().length);
			tpdu.writeBytes(segment.udhAndPayload());
		}
		return pdu(tpdu.toByteArray());
	}

	/**
	 * An SMS-STATUS-REPORT for the message that got reference {@code mr}.
	 * @param status TP-Status (§9.2.3.15): 0x00 delivered, 0x30 and up still trying, 0x40 and up failed
	 */
	public static Pdu statusReport(int mr, String recipient, OffsetDateTime submittedAt, OffsetDateTime doneAt,
			int status) {
		ByteArrayOutputStream tpdu = new ByteArrayOutputStream();
		tpdu.write(0x06); // MTI 10 SMS-STATUS-REPORT, TP-MMS
		tpdu.write(mr & 0xFF);
		tpdu.writeBytes(SemiOctets.address(recipient));
		tpdu.writeBytes(SemiOctets.timestamp(submittedAt));
		tpdu.writeBytes(SemiOctets.timestamp(doneAt));
		tpdu.write(status & 0xFF);
		return pdu(tpdu.toByteArray());
	}

	private static Pdu pdu(byte[] tpdu) {
		return new Pdu(SMSC + HexFormat.of().withUpperCase().formatHex(tpdu), tpdu.length);
	}

}
