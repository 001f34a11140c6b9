package io.smsgw.common.event;

import java.time.Instant;

/**
 * The route table or the connector registry changed: every router instance reloads it.
 *
 * @param version the new version of the routing configuration (increases with every change)
 * @param change what changed, for the log (e.g. {@code route 12 updated})
 * @param at when it changed
 */
@EventSchema(name = "RoutingChanged", version = 1)
public record RoutingChanged(long version, String change, Instant at) implements SmsEvent {

	/** All changes share one key, so that they stay in order on one partition. */
	@Override
	public String key() {
		return "routing";
	}

}
