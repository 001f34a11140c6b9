package io.smsgw.smpp.cloudhopper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.tlv.Tlv;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.MalformedUserDataException;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.smpp.inbound.InboundDecoder;
import io.smsgw.smpp.inbound.MoReassembly;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.receipt.ParsedReceipt;
import io.smsgw.smpp.receipt.ReceiptParser;
import io.smsgw.smpp.submit.MessageIdConversion;

/**
 * Turns a deliver_sm or data_sm into a receipt or an inbound message and publishes it. The stage
 * completes with the command_status to answer: ESME_ROK once the event is on Kafka (also for a
 * receipt that could not be read: it is published raw, with no state), ESME_RSYSERR when
 * publishing failed so that the SMSC offers it again. A part of a concatenated MO message is
 * answered ESME_ROK once it is held in memory for reassembly ({@link MoReassembly}).
 */
final class DeliverProcessor {

	private static final Logger log = LoggerFactory.getLogger(DeliverProcessor.class);

	private final String connectorId;

	private final ConnectorEvents events;

	private final SmppMetrics metrics;

	private final Clock clock;

	private final MessageIdConversion idConversion;

	private final MoReassembly reassembly;

	private final Queue<InboundReceived> unpublished = new ConcurrentLinkedQueue<>();

	DeliverProcessor(String connectorId, ConnectorEvents events, SmppMetrics metrics, Clock clock,
			MessageIdConversion idConversion, Duration reassemblyTimeout) {
		this.reassembly = new MoReassembly(connectorId, clock, reassemblyTimeout);
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
				published = mobileOriginated(sm, body);
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

	/**
	 * Publishes a single-part message (its deliver_sm is answered once it is on Kafka); holds a
	 * part of a concatenated one (answered at once) until its set completes, then publishes the
	 * whole message, keeping it for {@link #expire()} to try again if Kafka refuses it.
	 */
	private CompletionStage<Void> mobileOriginated(BaseSm<?> sm, byte[] body) {
		String from = sm.getSourceAddress().getAddress();
		if (sm.getSourceAddress().getTon() == 1 && !from.startsWith("+")) {
			from = "+" + from;
		}
		String to = sm.getDestAddress().getAddress();
		DecodedPart part;
		try {
			part = InboundDecoder.decode(sm.getDataCoding(), sm.getEsmClass(), body, sar(sm));
		}
		catch (MalformedUserDataException ex) {
			log.warn("{}: MO message from a sender with an unreadable header ({}); published whole, incomplete",
					this.connectorId, ex.getMessage());
			this.metrics.inbound();
			return this.events.inbound(this.reassembly.unreadable(from, to,
					InboundDecoder.decodeWithoutHeader(sm.getDataCoding(), body).text()));
		}
		Optional<InboundReceived> whole = this.reassembly.accept(from, to, part);
		if (whole.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		this.metrics.inbound();
		if (!part.isConcatenated()) {
			return this.events.inbound(whole.get());
		}
		publishHeld(whole.get());
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Publishes the sets that outlived the reassembly timeout (incomplete) and tries again those
	 * Kafka refused; called periodically.
	 */
	void expire() {
		List<InboundReceived> retry = new ArrayList<>();
		for (InboundReceived event; (event = this.unpublished.poll()) != null;) {
			retry.add(event);
		}
		retry.forEach(this::publishHeld);
		for (InboundReceived expired : this.reassembly.expire()) {
			log.info("{}: concatenated MO message incomplete after the reassembly timeout; published with the parts received",
					this.connectorId);
			this.metrics.inbound();
			publishHeld(expired);
		}
	}

	/** On shutdown: publishes every set still waiting (incomplete), waiting up to {@code timeout}. */
	void releaseAll(Duration timeout) {
		List<InboundReceived> left = new ArrayList<>(this.unpublished);
		this.unpublished.clear();
		left.addAll(this.reassembly.releaseAll());
		List<CompletableFuture<Void>> sent = left.stream()
			.map((event) -> this.events.inbound(event).toCompletableFuture())
			.toList();
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			log.warn("{}: {} held MO message(s) may not have been published on shutdown", this.connectorId,
					sent.stream().filter((f) -> !f.isDone() || f.isCompletedExceptionally()).count());
		}
	}

	/** Sets of MO parts waiting for the rest. */
	int pendingMo() {
		return this.reassembly.pending();
	}

	private void publishHeld(InboundReceived event) {
		this.events.inbound(event).whenComplete((ok, ex) -> {
			if (ex != null) {
				log.warn("{}: could not publish a reassembled MO message; trying again later", this.connectorId, ex);
				this.unpublished.add(event);
			}
		});
	}

	private static InboundDecoder.Sar sar(BaseSm<?> sm) {
		Tlv reference = sm.getOptionalParameter(SmppConstants.TAG_SAR_MSG_REF_NUM);
		Tlv total = sm.getOptionalParameter(SmppConstants.TAG_SAR_TOTAL_SEGMENTS);
		Tlv sequence = sm.getOptionalParameter(SmppConstants.TAG_SAR_SEGMENT_SEQNUM);
		if (reference == null || total == null || sequence == null) {
			return null;
		}
		return new InboundDecoder.Sar(unsigned(reference.getValue()), unsigned(total.getValue()),
				unsigned(sequence.getValue()));
	}

	private static int unsigned(byte[] value) {
		int number = 0;
		for (byte b : value) {
			number = (number << 8) | (b & 0xFF);
		}
		return number;
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
