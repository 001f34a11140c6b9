package io.smsgw.dlr.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.smsgw.common.event.MessageStatus;

/**
 * One message's status and the status of each of its parts, as the dlr-service tracks them.
 * Statuses only move forward ({@link MessageStatus#canMoveTo}); a multipart message is
 * delivered when every part is, and fails as soon as one part fails for good. Records what
 * changed so that only that is written back.
 */
public final class TrackedMessage {

	private final UUID id;

	private MessageStatus status;

	private StatusEntry last;

	private String connectorId;

	private final Map<Integer, TrackedPart> parts = new TreeMap<>();

	private final List<StatusEntry> reached = new ArrayList<>();

	public TrackedMessage(UUID id, MessageStatus status, String connectorId) {
		this.id = id;
		this.status = status;
		this.connectorId = connectorId;
	}

	/** Adds a part loaded from storage. */
	public void load(TrackedPart part) {
		this.parts.put(part.partNumber(), part);
	}

	/** The network took the message: records its parts and moves to SENT. */
	public void sent(String connectorId, int partNumber, String networkMessageId, Instant at) {
		if (!this.parts.containsKey(partNumber)) {
			this.parts.put(partNumber, TrackedPart.added(partNumber, connectorId, networkMessageId));
		}
		this.connectorId = connectorId;
		moveTo(new StatusEntry(MessageStatus.SENT, at, null, null));
	}

	/**
	 * A receipt for one part: updates the part when it is progress, then the message from all
	 * its parts.
	 */
	public void receipt(int partNumber, MessageStatus partStatus, String errorCode, Instant at) {
		TrackedPart part = this.parts.get(partNumber);
		if (part == null || !part.moveTo(partStatus, errorCode)) {
			return;
		}
		int index = 0;
		boolean allDelivered = true;
		for (TrackedPart each : this.parts.values()) {
			index++;
			if (each.status().isFinal() && each.status() != MessageStatus.DELIVERED) {
				String detail = (this.parts.size() > 1) ? "part " + index + " of " + this.parts.size() : null;
				moveTo(new StatusEntry(each.status(), at, each.errorCode(), detail));
				return;
			}
			allDelivered &= each.status() == MessageStatus.DELIVERED;
		}
		if (allDelivered) {
			moveTo(new StatusEntry(MessageStatus.DELIVERED, at, errorCode, null));
		}
	}

	/** The router gave the message up. */
	public void failed(String errorCode, String detail, Instant at) {
		moveTo(new StatusEntry(MessageStatus.FAILED, at, errorCode, detail));
	}

	/**
	 * No final status came in time: every part not final yet and the message become EXPIRED
	 * (nothing changes when the message is final already).
	 */
	public void expired(String detail, Instant at) {
		if (!this.status.canMoveTo(MessageStatus.EXPIRED)) {
			return;
		}
		this.parts.values().forEach((part) -> part.moveTo(MessageStatus.EXPIRED, part.errorCode()));
		moveTo(new StatusEntry(MessageStatus.EXPIRED, at, null, detail));
	}

	private void moveTo(StatusEntry entry) {
		if (this.status.canMoveTo(entry.status())) {
			this.status = entry.status();
			this.last = entry;
			this.reached.add(entry);
		}
	}

	public UUID id() {
		return this.id;
	}

	public MessageStatus status() {
		return this.status;
	}

	public String connectorId() {
		return this.connectorId;
	}

	/** The last status reached in this unit of work, or {@code null} when none was. */
	public StatusEntry lastReached() {
		return this.last;
	}

	/** The statuses reached in this unit of work, in order. */
	public List<StatusEntry> reached() {
		return List.copyOf(this.reached);
	}

	public Collection<TrackedPart> parts() {
		return this.parts.values();
	}

	/** The part with this number, or {@code null}. */
	public TrackedPart part(int partNumber) {
		return this.parts.get(partNumber);
	}

}
