package io.smsgw.common.codec;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.smsgw.common.codec.UserDataHeader.Concatenation;

/**
 * Joins the parts of concatenated messages received from the network, keyed by (originator,
 * reference, total, reference width). Parts may come in any order and more than once; a
 * duplicate is dropped, also after its message completed (for one timeout). A set that does not
 * complete within the timeout of its first part is released by {@link #expire()} with what
 * arrived, flagged incomplete: never dropped. Thread-safe.
 */
public final class Reassembler {

	private final Clock clock;

	private final Duration timeout;

	private final Map<Key, PartSet> open = new HashMap<>();

	private final Map<Key, Instant> completed = new HashMap<>();

	public Reassembler(Clock clock, Duration timeout) {
		this.clock = clock;
		this.timeout = timeout;
	}

	/**
	 * Takes a part; answers the whole message when this part completes it (at once for a part
	 * that is not concatenated), empty otherwise.
	 */
	public synchronized Optional<ReassembledMessage> accept(String originator, DecodedPart part) {
		if (!part.isConcatenated()) {
			return Optional.of(join(originator, 0, 1, List.of(part), false));
		}
		Concatenation concatenation = part.header().concatenation();
		Key key = new Key(originator, concatenation.reference(), concatenation.total(), concatenation.sixteenBit());
		Instant now = this.clock.instant();
		if (this.completed.containsKey(key) && now.isBefore(this.completed.get(key))) {
			return Optional.empty();
		}
		PartSet set = this.open.computeIfAbsent(key, (k) -> new PartSet(now.plus(this.timeout)));
		set.parts.putIfAbsent(concatenation.sequence(), part);
		if (set.parts.size() < concatenation.total()) {
			return Optional.empty();
		}
		this.open.remove(key);
		this.completed.put(key, now.plus(this.timeout));
		return Optional.of(join(originator, key.reference(), key.total(), new ArrayList<>(set.parts.values()), false));
	}

	/** Releases the sets whose timeout has passed, each with the parts received, flagged incomplete. */
	public synchronized List<ReassembledMessage> expire() {
		Instant now = this.clock.instant();
		this.completed.values().removeIf((until) -> !now.isBefore(until));
		List<ReassembledMessage> released = new ArrayList<>();
		for (Iterator<Map.Entry<Key, PartSet>> it = this.open.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Key, PartSet> entry = it.next();
			if (!now.isBefore(entry.getValue().deadline)) {
				Key key = entry.getKey();
				released.add(join(key.originator(), key.reference(), key.total(),
						new ArrayList<>(entry.getValue().parts.values()), true));
				it.remove();
			}
		}
		return released;
	}

	/**
	 * Releases every set still waiting, each with the parts received, flagged incomplete: for a
	 * service that stops and would otherwise lose them.
	 */
	public synchronized List<ReassembledMessage> releaseAll() {
		List<ReassembledMessage> released = new ArrayList<>();
		this.open.forEach((key, set) -> released.add(
				join(key.originator(), key.reference(), key.total(), new ArrayList<>(set.parts.values()), true)));
		this.open.clear();
		return released;
	}

	/** Sets waiting for parts. */
	public synchronized int pending() {
		return this.open.size();
	}

	/** Joins parts in sequence order; payloads of one encoding and charset are decoded as one. */
	private static ReassembledMessage join(String originator, int reference, int total, List<DecodedPart> parts,
			boolean incomplete) {
		List<Integer> received = new ArrayList<>(parts.size());
		parts.forEach((part) -> received.add(part.isConcatenated() ? part.header().concatenation().sequence() : 1));
		DecodedPart first = parts.get(0);
		boolean uniform = parts.stream()
			.allMatch((part) -> part.encoding() == first.encoding() && part.header().charset().equals(first.header().charset()));
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		parts.forEach((part) -> payload.writeBytes(part.payload()));
		String text;
		if (uniform) {
			text = SmsDecoder.text(payload.toByteArray(), first.encoding(), first.header().charset());
		}
		else {
			StringBuilder joined = new StringBuilder();
			parts.forEach((part) -> joined.append(part.text()));
			text = joined.toString();
		}
		Encoding encoding = uniform ? first.encoding() : Encoding.UCS2;
		return new ReassembledMessage(originator, text, encoding, payload.toByteArray(), reference, total, received,
				incomplete);
	}

	private record Key(String originator, int reference, int total, boolean sixteenBit) {
	}

	private static final class PartSet {

		final Instant deadline;

		final TreeMap<Integer, DecodedPart> parts = new TreeMap<>();

		PartSet(Instant deadline) {
			this.deadline = deadline;
		}

	}

}
