package io.smsgw.webhook.subscription;

import java.util.List;

/**
 * The event types tenants subscribe to, as they appear in callbacks' {@code type}.
 */
public final class EventTypes {

	/** A message changed status. */
	public static final String STATUS = "message.status";

	/** An inbound (MO) message arrived for the tenant. */
	public static final String INBOUND = "message.inbound";

	/** Every type, in the order the API lists them. */
	public static final List<String> ALL = List.of(STATUS, INBOUND);

	private EventTypes() {
	}

}
