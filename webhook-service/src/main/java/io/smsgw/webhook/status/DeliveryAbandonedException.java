package io.smsgw.webhook.status;

/**
 * Thrown by a listener when a callback is given up: the record goes straight to its dead-letter
 * topic, the exception message (never a secret) travels in the dead-letter headers.
 */
public class DeliveryAbandonedException extends RuntimeException {

	public DeliveryAbandonedException(String reason) {
		super(reason, null, false, false);
	}

}
