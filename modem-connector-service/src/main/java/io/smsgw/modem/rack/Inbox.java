package io.smsgw.modem.rack;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.common.codec.ReassembledMessage;
import io.smsgw.common.codec.Reassembler;
import io.smsgw.common.codec.UserDataHeader.Concatenation;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.modem.at.AtEngine;
import io.smsgw.modem.at.AtException;
import io.smsgw.modem.at.AtResponse;
import io.smsgw.modem.pdu.ReceivedPdu;
import io.smsgw.modem.pdu.ReceivedPduDecoder;

/**
 * The messages and status reports a modem received: read from its storage ({@code +CMGR} on
 * {@code +CMTI}/{@code +CDSI}, {@code +CMGL=4} at start and on every probe), published through
 * the {@link ConnectorEvents} port, and deleted ({@code +CMGD}) only once Kafka acknowledged
 * them, so that a crash in between delivers again (with the same inbound id, derived from the
 * PDUs) rather than never. Parts of a concatenated message stay in storage until the whole is
 * published. Runs on the modem's worker thread only.
 */
final class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final String rackId;

	private final String modemId;

	private final String ownNumber;

	private final ConnectorEvents events;

	private final RackObserver observer;

	private final Clock clock;

	private final Duration reassemblyTimeout;

	private final Consumer<Consumer<AtEngine>> onWorker;

	/** Storage indices being published, held for reassembly, or waiting to be deleted. */
	private final Set<Integer> taken = new HashSet<>();

	private final Map<String, List<Held>> held = new HashMap<>();

	/** Keys of concatenated messages published lately, to drop parts that come again. */
	private final Map<String, Boolean> completed = new java.util.LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 1000;
		}

	};

	private Reassembler reassembler;

	/**
	 * @param onWorker runs a task on the modem's worker with its engine (skipped when it is down)
	 */
	Inbox(String rackId, String modemId, String ownNumber, ConnectorEvents events, RackObserver observer, Clock clock,
			Duration reassemblyTimeout, Consumer<Consumer<AtEngine>> onWorker) {
		this.rackId = rackId;
		this.modemId = modemId;
		this.ownNumber = ownNumber;
		this.events = events;
		this.observer = observer;
		this.clock = clock;
		this.reassemblyTimeout = reassemblyTimeout;
		this.onWorker = onWorker;
		reset();
	}

	/** Forgets what is held: after a reconnect the storage is read again from the start. */
	void reset() {
		this.taken.clear();
		this.held.clear();
		this.completed.clear();
		this.reassembler = new Reassembler(this.clock, this.reassemblyTimeout);
	}

	/** Reads the message at {@code index} ({@code +CMTI}, {@code +CDSI}). */
	void readStored(AtEngine engine, int index) throws AtException {
		if (this.taken.contains(index)) {
			return;
		}
		AtResponse response = engine.execute("AT+CMGR=" + index, Duration.ofSeconds(5));
		if (response.isOk() && response.lines().size() >= 2) {
			take(index, response.lines().get(1));
		}
	}

	/** Reads everything in storage ({@code +CMGL=4}): what arrived unannounced or while down. */
	void drain(AtEngine engine) throws AtException {
		AtResponse response = engine.execute("AT+CMGL=4", Duration.ofSeconds(10));
		List<String> lines = response.lines();
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).startsWith("+CMGL:")) {
				int index = Integer.parseInt(lines.get(i).substring(6).split(",")[0].trim());
				if (!this.taken.contains(index)) {
					take(index, lines.get(i + 1));
				}
				i++;
			}
		}
	}

	/** A message or report delivered straight to the line ({@code +CMT}, {@code +CDS}): nothing to delete. */
	void direct(String pdu) {
		take(-1, pdu);
	}

	/** Publishes the concatenated messages whose parts stopped coming, with what arrived. */
	void expire() {
		for (ReassembledMessage message : this.reassembler.expire()) {
			List<Held> parts = this.held.remove(key(message.originator(), message.reference(), message.total()));
			publishInbound(message, (parts != null) ? parts : List.of());
		}
	}

	private void take(int index, String pduHex) {
		ReceivedPdu pdu;
		try {
			pdu = ReceivedPduDecoder.decode(pduHex);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Modem {}/{}: unreadable PDU at index {} deleted: {} ({})", this.rackId, this.modemId, index,
					ex.getMessage(), pduHex);
			delete(List.of(index));
			return;
		}
		if (index >= 0) {
			this.taken.add(index);
		}
		if (pdu instanceof ReceivedPdu.StatusReport report) {
			publishReport(report, index, pduHex);
		}
		else {
			ReceivedPdu.Deliver deliver = (ReceivedPdu.Deliver) pdu;
			Held part = new Held(index, pduHex);
			Optional<ReassembledMessage> whole = this.reassembler.accept(deliver.originator(), deliver.part());
			if (!deliver.part().isConcatenated()) {
				publishInbound(whole.orElseThrow(), List.of(part));
				return;
			}
			Concatenation concatenation = deliver.part().header().concatenation();
			String key = key(deliver.originator(), concatenation.reference(), concatenation.total());
			if (whole.isPresent()) {
				List<Held> parts = new ArrayList<>(this.held.getOrDefault(key, List.of()));
				this.held.remove(key);
				parts.add(part);
				this.completed.put(key, Boolean.TRUE);
				publishInbound(whole.get(), parts);
			}
			else if (this.completed.containsKey(key)) {
				delete(List.of(index)); // a part of a message already published
			}
			else {
				this.held.computeIfAbsent(key, (k) -> new ArrayList<>()).add(part);
			}
		}
	}

	private void publishReport(ReceivedPdu.StatusReport report, int index, String pduHex) {
		ReceiptReceived receipt = new ReceiptReceived(this.rackId, this.modemId + ":" + report.reference(),
				report.state(), String.format("ST:%02X", report.status()), report.dischargeTime().toInstant(), pduHex,
				this.clock.instant());
		this.events.receipt(receipt).whenComplete((ok, ex) -> published(ex, List.of(index), "status report"));
		this.observer.statusReport(this.rackId);
	}

	private void publishInbound(ReassembledMessage message, List<Held> parts) {
		StringBuilder pdus = new StringBuilder(this.rackId + "/" + this.modemId);
		parts.stream().map(Held::pdu).sorted().forEach((pdu) -> pdus.append('/').append(pdu));
		UUID id = UUID.nameUUIDFromBytes(pdus.toString().getBytes(StandardCharsets.US_ASCII));
		InboundReceived inbound = new InboundReceived(id, this.rackId, message.originator(), this.ownNumber,
				message.text(), !message.incomplete(), this.clock.instant());
		List<Integer> indices = parts.stream().map(Held::index).toList();
		this.events.inbound(inbound).whenComplete((ok, ex) -> published(ex, indices, "inbound message"));
		this.observer.inbound(this.rackId);
	}

	private void published(Throwable failure, List<Integer> indices, String what) {
		if (failure != null) {
			log.warn("Modem {}/{}: could not publish a {}; left in storage for the next drain", this.rackId,
					this.modemId, what, failure);
			this.onWorker.accept((engine) -> indices.forEach(this.taken::remove));
			return;
		}
		delete(indices);
	}

	private void delete(List<Integer> indices) {
		this.onWorker.accept((engine) -> {
			for (int index : indices) {
				if (index < 0) {
					continue;
				}
				try {
					engine.execute("AT+CMGD=" + index, Duration.ofSeconds(5));
				}
				catch (AtException ex) {
					log.warn("Modem {}/{}: could not delete message {}: {}", this.rackId, this.modemId, index,
							ex.getMessage());
				}
				this.taken.remove(index);
			}
		});
	}

	private static String key(String originator, int reference, int total) {
		return originator + "/" + reference + "/" + total;
	}

	/** A stored part: its index (-1 when delivered to the line) and PDU. */
	private record Held(int index, String pdu) {
	}

}
