package io.smsgw.router.routing;

import io.smsgw.common.event.Topics;

/**
 * A connector the router may hand messages to, on {@code sms.mt.dispatch.<id>}.
 *
 * @param id the connector id (letters, digits, {@code . _ -})
 * @param kind what drives it
 * @param description free text for operators
 * @param enabled whether routes may use it; a disabled connector is skipped by every route
 */
public record Connector(String id, Kind kind, String description, boolean enabled) {

	public Connector {
		Topics.dispatch(id);
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
	}

	/** What drives a connector. */
	public enum Kind {

		/** SMPP binds to an SMSC. */
		SMPP,

		/** A rack of GSM modems. */
		MODEM

	}

}
