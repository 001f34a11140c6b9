package io.smsgw.smpp.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.ReassembledMessage;
import io.smsgw.common.codec.Reassembler;
import io.smsgw.common.event.InboundReceived;

/**
 * The mobile-originated messages of one connection, joined from their parts by the codec's
 * {@link Reassembler}: parts are keyed by sender, recipient and concatenation reference; a set
 * that does not complete within the timeout is released by {@link #expire()} with the parts
 * received and {@code complete=false}, never dropped. Parts are held in memory only.
 */
public final class MoReassembly {

	/** Separates sender and recipient in the reassembler's key; SMPP addresses are C-strings. */
	private static final char SEPARATOR = '\0';

	private final String connectorId;

	private final Clock clock;

	private final Reassembler reassembler;

	public MoReassembly(String connectorId, Clock clock, Duration timeout) {
		this.connectorId = connectorId;
		this.clock = clock;
		this.reassembler = new Reassembler(clock, timeout);
	}

	/** Takes a part; answers the message when it is complete (at once for a single part). */
	public Optional<InboundReceived> accept(String from, String to, DecodedPart part) {
		return this.reassembler.accept(from + SEPARATOR + to, part).map(this::event);
	}

	/** The messages whose sets outlived the timeout, each with the parts received, incomplete. */
	public List<InboundReceived> expire() {
		return this.reassembler.expire().stream().map(this::event).toList();
	}

	/** Every set still waiting, released incomplete (on shutdown). */
	public List<InboundReceived> releaseAll() {
		return this.reassembler.releaseAll().stream().map(this::event).toList();
	}

	/** Sets waiting for parts. */
	public int pending() {
		return this.reassembler.pending();
	}

	/** An MO message whose user data could not be read: published as is, flagged incomplete. */
	public InboundReceived unreadable(String from, String to, String text) {
		return new InboundReceived(UUID.randomUUID(), this.connectorId, from, to, text, false, this.clock.instant());
	}

	private InboundReceived event(ReassembledMessage message) {
		String key = message.originator();
		int split = key.indexOf(SEPARATOR);
		return new InboundReceived(UUID.randomUUID(), this.connectorId, key.substring(0, split),
				key.substring(split + 1), message.text(), !message.incomplete(), this.clock.instant());
	}

}
