package io.smsgw.webhook.delivery;

import java.time.Duration;

/**
 * What the deliverer made of one callback on this pass.
 *
 * @param kind the outcome
 * @param retryIn for {@link Kind#RETRY}: the pause before the next attempt
 * @param reason for {@link Kind#RETRY} and {@link Kind#ABANDONED}: why (never a secret)
 */
public record DeliveryResult(Kind kind, Duration retryIn, String reason) {

	/** The outcomes of one pass. */
	public enum Kind {

		/** Accepted by the endpoint now. */
		DELIVERED,
		/** Accepted before: not sent again. */
		ALREADY_DELIVERED,
		/** Not accepted; try again after {@link #retryIn()}. */
		RETRY,
		/** Given up: the event belongs on the dead-letter topic. */
		ABANDONED

	}

	static DeliveryResult delivered() {
		return new DeliveryResult(Kind.DELIVERED, null, null);
	}

	static DeliveryResult alreadyDelivered() {
		return new DeliveryResult(Kind.ALREADY_DELIVERED, null, null);
	}

	static DeliveryResult retry(Duration in, String reason) {
		return new DeliveryResult(Kind.RETRY, in, reason);
	}

	static DeliveryResult abandoned(String reason) {
		return new DeliveryResult(Kind.ABANDONED, null, reason);
	}

}
