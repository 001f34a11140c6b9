package io.smsgw.modem.rack;

import io.smsgw.common.connector.DispatchOutcome;

/**
 * Told what a rack does, for metrics: the outcome of every attempt on a modem, inbound
 * messages and status reports.
 */
@FunctionalInterface
public interface RackObserver {

	/** Does nothing. */
	RackObserver NONE = (rackId, modemId, outcome) -> {
	};

	/**
	 * An attempt ended; a message that moved to another modem of the rack counts as a
	 * {@link DispatchOutcome.Requeue} on the modem it left.
	 * @param modemId the modem, or {@code "none"} when no modem could take the message
	 */
	void outcome(String rackId, String modemId, DispatchOutcome outcome);

	/** An inbound message was published. */
	default void inbound(String rackId) {
	}

	/** A status report was published. */
	default void statusReport(String rackId) {
	}

}
