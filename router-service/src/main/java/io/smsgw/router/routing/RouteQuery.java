package io.smsgw.router.routing;

import java.time.Instant;

import io.smsgw.common.event.MessageType;

/**
 * What a route is chosen on.
 *
 * @param tenantId the tenant that sent the message
 * @param to destination in E.164 with a leading {@code +}
 * @param from the sender id
 * @param messageType transactional or marketing ({@code null} = transactional)
 * @param at the time the route is chosen for (time windows)
 */
public record RouteQuery(String tenantId, String to, String from, MessageType messageType, Instant at) {

	public RouteQuery {
		messageType = (messageType != null) ? messageType : MessageType.TRANSACTIONAL;
		at = (at != null) ? at : Instant.now();
	}

	/** A transactional message routed now. */
	public RouteQuery(String tenantId, String to, String from) {
		this(tenantId, to, from, null, null);
	}

	/** The destination's E.164 digits, or {@code null} when {@code to} is not an E.164 number. */
	public String destinationDigits() {
		if (this.to == null) {
			return null;
		}
		String digits = this.to.startsWith("+") ? this.to.substring(1) : this.to;
		int length = digits.length();
		if (length < 6 || length > 15 || digits.charAt(0) == '0') {
			return null;
		}
		for (int i = 0; i < length; i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return digits;
	}

}
