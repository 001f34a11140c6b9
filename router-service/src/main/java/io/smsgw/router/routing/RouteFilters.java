package io.smsgw.router.routing;

import io.smsgw.common.event.MessageType;

/**
 * What a message must look like for a route to apply; {@code null} means any.
 *
 * @param tenantId the sending tenant
 * @param prefix E.164 digits the destination starts with (longest match wins)
 * @param country ISO 3166 region of the destination (libphonenumber)
 * @param numberType libphonenumber number type of the destination, e.g. {@code MOBILE}
 * ({@code FIXED_LINE_OR_MOBILE} numbers match both {@code MOBILE} and {@code FIXED_LINE})
 * @param senderPattern a regular expression the whole sender id must match
 * @param messageType transactional or marketing
 * @param window when the route applies
 */
public record RouteFilters(String tenantId, String prefix, String country, String numberType, String senderPattern,
		MessageType messageType, TimeWindow window) {

	/** No filter at all: what the default route has. */
	public static final RouteFilters ANY = new RouteFilters(null, null, null, null, null, null, null);

	/** Only a destination prefix. */
	public static RouteFilters prefix(String prefix) {
		return new RouteFilters(null, prefix, null, null, null, null, null);
	}

}
