package io.smsgw.dlr.status;

import io.smsgw.common.event.MessageStatus;

/**
 * One part of a message: the network's id for it and its own status.
 */
public final class TrackedPart {

	private final int partNumber;

	private final String connectorId;

	private final String networkMessageId;

	private MessageStatus status;

	private String errorCode;

	private final boolean added;

	private boolean changed;

	private TrackedPart(int partNumber, String connectorId, String networkMessageId, MessageStatus status,
			String errorCode, boolean added) {
		this.partNumber = partNumber;
		this.connectorId = connectorId;
		this.networkMessageId = networkMessageId;
		this.status = status;
		this.errorCode = errorCode;
		this.added = added;
	}

	/** A part as stored. */
	public static TrackedPart stored(int partNumber, String connectorId, String networkMessageId,
			MessageStatus status, String errorCode) {
		return new TrackedPart(partNumber, connectorId, networkMessageId, status, errorCode, false);
	}

	/** A part the network just took. */
	static TrackedPart added(int partNumber, String connectorId, String networkMessageId) {
		return new TrackedPart(partNumber, connectorId, networkMessageId, MessageStatus.SENT, null, true);
	}

	boolean moveTo(MessageStatus next, String errorCode) {
		if (!this.status.canMoveTo(next)) {
			return false;
		}
		this.status = next;
		this.errorCode = errorCode;
		this.changed = true;
		return true;
	}

	public int partNumber() {
		return this.partNumber;
	}

	public String connectorId() {
		return this.connectorId;
	}

	public String networkMessageId() {
		return this.networkMessageId;
	}

	public MessageStatus status() {
		return this.status;
	}

	public String errorCode() {
		return this.errorCode;
	}

	/** Whether this part is new in this unit of work. */
	public boolean isAdded() {
		return this.added;
	}

	/** Whether this stored part's status changed in this unit of work. */
	public boolean isChanged() {
		return this.changed && !this.added;
	}

}
