package io.smsgw.modem.rack;

import io.smsgw.common.connector.DispatchOutcome;

/**
 * Told the outcome of every dispatch, for metrics.
 */
@FunctionalInterface
public interface SendObserver {

	/** Does nothing. */
	SendObserver NONE = (rackId, outcome) -> {
	};

	/**
	 * @param rackId the rack
	 * @param outcome what the rack answered
	 */
	void outcome(String rackId, DispatchOutcome outcome);

}
