package io.smsgw.common.event;

/**
 * The tenant-facing status of a message. A status never goes backwards: a change to a status
 * of lower {@link #rank()} than the current one is ignored, and final statuses never change.
 */
public enum MessageStatus {

	ACCEPTED(0), QUEUED(1), SENT(2), DELIVERED(3), UNDELIVERED(3), EXPIRED(3), REJECTED(3), FAILED(3);

	private final int rank;

	MessageStatus(int rank) {
		this.rank = rank;
	}

	/** Order of progress; all final statuses share the highest rank. */
	public int rank() {
		return this.rank;
	}

	/** Whether no further status can follow. */
	public boolean isFinal() {
		return this.rank == 3;
	}

	/** Whether moving from this status to {@code next} is progress (and so must be applied). */
	public boolean canMoveTo(MessageStatus next) {
		return !isFinal() && next.rank > this.rank;
	}

}
