package io.smsgw.simulator.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;

import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.SmsCodec;

/** The deliver_sm PDUs the simulated SMSC sends: receipts and mobile-originated messages. */
final class SimulatorPdus {

	private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm")
		.withZone(ZoneOffset.UTC);

	private SimulatorPdus() {
	}

	/** The usual receipt text: {@code id:.. sub:001 dlvrd:001 submit date:.. done date:.. stat:.. err:000 text:..}. */
	static String receiptText(ReceivedSubmit submit, String stat, Instant doneAt) {
		boolean delivered = "DELIVRD".equalsIgnoreCase(stat);
		String err = delivered ? "000" : "001";
		return "id:" + submit.receiptId() + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:"
				+ RECEIPT_DATE.format(submit.receivedAt()) + " done date:" + RECEIPT_DATE.format(doneAt) + " stat:"
				+ stat + " err:" + err + " text:" + firstChars(submit, 20);
	}

	static DeliverSm receipt(ReceivedSubmit submit, String stat, Instant doneAt) throws SmppInvalidArgumentException {
		DeliverSm deliver = new DeliverSm();
		deliver.setSourceAddress(new Address((byte) submit.destTon(), (byte) submit.destNpi(), submit.destAddr()));
		deliver.setDestAddress(new Address((byte) submit.sourceTon(), (byte) submit.sourceNpi(), submit.sourceAddr()));
		deliver.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
		deliver.setDataCoding((byte) 0);
		deliver.setShortMessage(receiptText(submit, stat, doneAt).getBytes(StandardCharsets.ISO_8859_1));
		deliver.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, cString(submit.receiptId())));
		deliver.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] { messageState(stat) }));
		return deliver;
	}

	/** The same receipt as a data_sm: the text in message_payload, with the same TLVs. */
	static DataSm dataSmReceipt(ReceivedSubmit submit, String stat, Instant doneAt) {
		DataSm data = new DataSm();
		data.setSourceAddress(new Address((byte) submit.destTon(), (byte) submit.destNpi(), submit.destAddr()));
		data.setDestAddress(new Address((byte) submit.sourceTon(), (byte) submit.sourceNpi(), submit.sourceAddr()));
		data.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
		data.setDataCoding((byte) 0);
		data.addOptionalParameter(new Tlv(SmppConstants.TAG_MESSAGE_PAYLOAD,
				receiptText(submit, stat, doneAt).getBytes(StandardCharsets.ISO_8859_1)));
		data.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, cString(submit.receiptId())));
		data.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] { messageState(stat) }));
		return data;
	}

	/** A single-part mobile-originated message: GSM-7 (data_coding 0) when it fits the alphabet, else UCS-2. */
	static DeliverSm mobileOriginated(String from, String to, String text) throws SmppInvalidArgumentException {
		EncodedMessage encoded = SmsCodec.defaults().encode(text, 0);
		if (encoded.segmentCount() > 1) {
			throw new IllegalArgumentException("Only single-part MO messages can be injected");
		}
		DeliverSm deliver = new DeliverSm();
		deliver.setSourceAddress(new Address((byte) 1, (byte) 1, from.startsWith("+") ? from.substring(1) : from));
		deliver.setDestAddress(new Address(to.matches("\\d{3,8}") ? (byte) 3 : (byte) 1, (byte) 1, to));
		deliver.setEsmClass((byte) 0);
		deliver.setDataCoding((byte) encoded.encoding().dataCoding());
		deliver.setShortMessage(encoded.segments().get(0).payload());
		return deliver;
	}

	static byte messageState(String stat) {
		return switch (stat.toUpperCase(java.util.Locale.ROOT)) {
			case "ENROUTE" -> 1;
			case "DELIVRD" -> 2;
			case "EXPIRED" -> 3;
			case "DELETED" -> 4;
			case "UNDELIV" -> 5;
			case "ACCEPTD" -> 6;
			case "REJECTD" -> 8;
			default -> 7;
		};
	}

	private static String firstChars(ReceivedSubmit submit, int count) {
		String text;
		try {
			text = switch (submit.dataCoding()) {
				case 8 -> SmsCodec.decode(submit.payload(), Encoding.UCS2);
				case 0, 1 -> SmsCodec.decode(submit.payload(), Encoding.GSM7);
				default -> new String(submit.payload(), StandardCharsets.ISO_8859_1);
			};
		}
		catch (RuntimeException ex) {
			text = "";
		}
		return (text.length() > count) ? text.substring(0, count) : text;
	}

	private static byte[] cString(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		byte[] withNull = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, withNull, 0, bytes.length);
		return withNull;
	}

}
