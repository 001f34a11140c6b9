package io.smsgw.router.routing;

import java.util.List;

/**
 * Decides what happens after a connector could not hand a message over: try the next candidate
 * connector, or give up with a final reason.
 */
public final class FailoverPolicy {

	/** The connector refused the message for good (e.g. an invalid destination). */
	public static final String PERMANENT_FAILURE = "PERMANENT_FAILURE";

	/** Every candidate connector (or every allowed attempt) failed. */
	public static final String ALL_ROUTES_FAILED = "ALL_ROUTES_FAILED";

	/** No connector leads to the destination. */
	public static final String NO_ROUTE = "NO_ROUTE";

	private final int maxAttempts;

	public FailoverPolicy(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/**
	 * What to do after attempt {@code attempt} (1-based) failed.
	 * @param retriable whether the connector said another route may succeed
	 * @param attempt the number of the attempt that failed
	 * @param untried the message's candidate connectors not tried yet, best first
	 */
	public Verdict decide(boolean retriable, int attempt, List<String> untried) {
		if (!retriable) {
			return new GiveUp(PERMANENT_FAILURE);
		}
		if (attempt >= this.maxAttempts || untried.isEmpty()) {
			return new GiveUp(ALL_ROUTES_FAILED);
		}
		return new TryNext(untried.get(0), attempt + 1);
	}

	/**
	 * What to do with a message its connector handed back after having no link up for a while:
	 * another candidate that is up takes it (within the allowed attempts); with none, it waits on
	 * the same connector, since the network never saw it and nothing failed for good.
	 * @param attempt the number of the attempt that was handed back
	 * @param untriedUp the message's candidate connectors not tried yet and not reported down
	 */
	public Verdict decideUnavailable(int attempt, List<String> untriedUp) {
		if (attempt >= this.maxAttempts || untriedUp.isEmpty()) {
			return new Wait();
		}
		return new TryNext(untriedUp.get(0), attempt + 1);
	}

	/** The outcome of a failed attempt. */
	public sealed interface Verdict permits TryNext, GiveUp, Wait {

	}

	/**
	 * Dispatch again, to another connector.
	 *
	 * @param connectorId the connector to try
	 * @param attempt the number of the new attempt
	 */
	public record TryNext(String connectorId, int attempt) implements Verdict {

	}

	/** Dispatch again to the same connector, unchanged, and wait for it to come up. */
	public record Wait() implements Verdict {

	}

	/**
	 * The message fails for good.
	 *
	 * @param reasonCode the stable reason code of the MessageFailed event
	 */
	public record GiveUp(String reasonCode) implements Verdict {

	}

}
