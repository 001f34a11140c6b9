package io.smsgw.router.routing;

import java.util.regex.Pattern;

/** A route's filters compiled once per snapshot; tells why a message does not match. */
final class RouteMatcher {

	private final RouteFilters filters;

	private final Pattern sender;

	RouteMatcher(RouteFilters filters) {
		this.filters = filters;
		this.sender = (filters.senderPattern() != null) ? Pattern.compile(filters.senderPattern()) : null;
	}

	/** {@code null} when the message matches every filter, otherwise why it does not. */
	String mismatch(RouteQuery query, MessageFacts facts) {
		RouteFilters f = this.filters;
		if (f.tenantId() != null && !f.tenantId().equals(query.tenantId())) {
			return "tenant " + query.tenantId() + " is not " + f.tenantId();
		}
		if (f.messageType() != null && f.messageType() != query.messageType()) {
			return "message type " + query.messageType() + " is not " + f.messageType();
		}
		if (this.sender != null && !this.sender.matcher((query.from() != null) ? query.from() : "").matches()) {
			return "sender " + query.from() + " does not match " + f.senderPattern();
		}
		if (f.window() != null && !f.window().contains(query.at())) {
			return query.at() + " is outside the time window";
		}
		if (f.country() != null) {
			String country = facts.country();
			if (!f.country().equalsIgnoreCase(country)) {
				return "country " + country + " is not " + f.country();
			}
		}
		if (f.numberType() != null) {
			String type = facts.numberType();
			if (!typeMatches(f.numberType(), type)) {
				return "number type " + type + " is not " + f.numberType();
			}
		}
		return null;
	}

	/** What matched, for the explanation. */
	String describe() {
		StringBuilder text = new StringBuilder();
		RouteFilters f = this.filters;
		append(text, "prefix", (f.prefix() != null) ? "+" + f.prefix() : null);
		append(text, "tenant", f.tenantId());
		append(text, "country", f.country());
		append(text, "number type", f.numberType());
		append(text, "sender", f.senderPattern());
		append(text, "message type", (f.messageType() != null) ? f.messageType().name() : null);
		append(text, "time window", (f.window() != null) ? "yes" : null);
		return (text.length() == 0) ? "matches every message" : "matches " + text;
	}

	private static void append(StringBuilder text, String name, String value) {
		if (value != null) {
			text.append((text.length() == 0) ? "" : ", ").append(name).append(' ').append(value);
		}
	}

	private static boolean typeMatches(String wanted, String actual) {
		return wanted.equalsIgnoreCase(actual) || ("FIXED_LINE_OR_MOBILE".equals(actual)
				&& ("MOBILE".equalsIgnoreCase(wanted) || "FIXED_LINE".equalsIgnoreCase(wanted)));
	}

}
