package io.smsgw.webhook.delivery;

/**
 * Where the delivery of one event stands in the delivery log.
 */
public enum DeliveryState {

	/** Not yet accepted by the endpoint; attempts may follow. */
	PENDING,
	/** The endpoint answered 2xx: it is never sent again. */
	DELIVERED,
	/** Given up (retries exhausted, no secret, URL refused): the event went to the dead-letter topic. */
	FAILED;

	/** Whether the event must not be sent again. */
	public boolean isDelivered() {
		return this == DELIVERED;
	}

}
