package io.smsgw.smpp.cloudhopper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.tlv.Tlv;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.smpp.inbound.InboundDecoder;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.receipt.ParsedReceipt;
import io.smsgw.smpp.receipt.ReceiptParser;
import io.smsgw.smpp.submit.MessageIdConversion;

/**
 * Turns a deliver_sm or data_sm into a receipt or an inbound message and publishes it. The stage
 * completes with the command_status to answer: ESME_ROK once the event is on Kafka (also for a
 * receipt that could not be read: it is published raw, with no state), ESME_RSYSERR when
 * publishing failed so that the SMSC offers it again.
 */
final class DeliverProcessor {

	private static final Logger log = LoggerFactory.getLogger(DeliverProcessor.class);

	private final String connectorId;

	private final ConnectorEvents events;

	private final SmppMetrics metrics;

	private final Clock clock;

	private final MessageIdConversion idConversion;

	DeliverProcessor(String connectorId, ConnectorEvents events, SmppMetrics metrics, Clock clock,
			MessageIdConversion idConversion) {
		this.connectorId = connectorId;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
		this.idConversion = idConversion;
	}

	CompletionStage<Integer> process(BaseSm<?> sm) {
		Instant receivedAt = this.clock.instant();
		CompletionStage<Void> published;
		try {
			byte[] body = body(sm);
			Tlv receiptedId = sm.getOptionalParameter(SmppConstants.TAG_RECEIPTED_MSG_ID);
			if (InboundDecoder.isReceipt(sm.getEsmClass() & 0xFF) || receiptedId != null) {
				published = this.events.receipt(receipt(sm, body, receiptedId, receivedAt));
			}
			else {
				published = this.events.inbound(inbound(sm, body, receivedAt));
			}
		}
		catch (RuntimeException ex) {
			log.warn("{}: unreadable {} (seq {}); published raw", this.connectorId, sm.getName(),
					sm.getSequenceNumber(), ex);
			this.metrics.receipt(null);
			published = this.events.receipt(new ReceiptReceived(this.connectorId, null, null, null, null,
					safeRaw(sm), receivedAt));
		}
		return published.handle((ok, ex) -> {
			if (ex != null) {
				log.warn("{}: could not publish {} (seq {}); answering ESME_RSYSERR", this.connectorId, sm.getName(),
						sm.getSequenceNumber(), ex);
				return SmppConstants.STATUS_SYSERR;
			}
			return SmppConstants.STATUS_OK;
		});
	}

	private ReceiptReceived receipt(BaseSm<?> sm, byte[] body, Tlv receiptedId, Instant receivedAt) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		Tlv state = sm.getOptionalParameter(SmppConstants.TAG_MSG_STATE);
		String tlvId = (receiptedId != null) ? cString(receiptedId.getValue()) : null;
		Integer tlvState = (state != null && state.getValue().length > 0) ? state.getValue()[0] & 0xFF : null;
		ParsedReceipt parsed = ReceiptParser.parse(text, tlvId, tlvState);
		this.metrics.receipt(parsed.state());
		String raw = text.isBlank() ? "receipted_message_id=" + tlvId + " message_state=" + tlvState : text;
		return new ReceiptReceived(this.connectorId, this.idConversion.apply(parsed.messageId()), parsed.state(),
				parsed.errorCode(),
				parsed.doneAt(), raw, receivedAt);
	}

	private InboundReceived inbound(BaseSm<?> sm, byte[] body, Instant receivedAt) {
		InboundDecoder.Decoded decoded = InboundDecoder.decode(sm.getDataCoding(), sm.getEsmClass(), body);
		this.metrics.inbound();
		String from = sm.getSourceAddress().getAddress();
		if (sm.getSourceAddress().getTon() == 1 && !from.startsWith("+")) {
			from = "+" + from;
		}
		return new InboundReceived(UUID.randomUUID(), this.connectorId, from, sm.getDestAddress().getAddress(),
				decoded.text(), !decoded.concatenated(), receivedAt);
	}

	private static byte[] body(BaseSm<?> sm) {
		byte[] shortMessage = sm.getShortMessage();
		if (shortMessage != null && shortMessage.length > 0) {
			return shortMessage;
		}
		Tlv payload = sm.getOptionalParameter(SmppConstants.TAG_MESSAGE_PAYLOAD);
		return (payload != null) ? payload.getValue() : new byte[0];
	}

	private static String cString(byte[] value) {
		int end = 0;
		while (end < value.length && value[end] != 0) {
			end++;
		}
		return new String(value, 0, end, StandardCharsets.ISO_8859_1);
	}

	private static String safeRaw(BaseSm<?> sm) {
		byte[] body;
		try {
			body = body(sm);
		}
		catch (RuntimeException ex) {
			body = new byte[0];
		}
		return "hex:" + HexFormat.of().formatHex(body);
	}

}
