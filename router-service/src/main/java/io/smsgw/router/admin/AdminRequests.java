package io.smsgw.router.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The bodies the admin API accepts. */
final class AdminRequests {

	private AdminRequests() {
	}

	/**
	 * A connector to register or change.
	 *
	 * @param id the connector id (ignored on PUT: the path names it)
	 * @param kind SMPP or MODEM
	 * @param description free text
	 * @param enabled default true
	 */
	record ConnectorRequest(String id, String kind, String description, Boolean enabled) {

	}

	/**
	 * A route to create or replace. Filters left out match any message.
	 *
	 * @param name a name for operators
	 * @param priority order among routes with equally long prefixes, lower first (default 100)
	 * @param isDefault whether it is the default route (no filters allowed; only one exists)
	 * @param tenantId tenant filter
	 * @param prefix destination prefix, E.164 digits with or without {@code +}
	 * @param country ISO 3166 region
	 * @param numberType libphonenumber type, e.g. MOBILE or FIXED_LINE
	 * @param senderPattern regular expression over the whole sender id
	 * @param messageType TRANSACTIONAL or MARKETING
	 * @param window time window
	 * @param strategy FAILOVER (default), WEIGHTED or LEAST_COST
	 * @param members the connectors, at least one
	 */
	record RouteRequest(String name, Integer priority, Boolean isDefault, String tenantId, String prefix,
			String country, String numberType, String senderPattern, String messageType, WindowRequest window,
			String strategy, List<MemberRequest> members) {

	}

	/**
	 * @param days e.g. ["MONDAY","FRIDAY"]; empty = every day
	 * @param start HH:mm, inclusive
	 * @param end HH:mm, exclusive; before start = spans midnight
	 * @param zone e.g. Europe/Berlin (required)
	 */
	record WindowRequest(List<String> days, String start, String end, String zone) {

	}

	/**
	 * @param connectorId a registered connector
	 * @param weight WEIGHTED share, default 1
	 * @param pricePerSegment price of one segment through it
	 */
	record MemberRequest(String connectorId, Integer weight, BigDecimal pricePerSegment) {

	}

	/**
	 * A message to explain the routing of; nothing is sent.
	 *
	 * @param tenantId the tenant
	 * @param to the destination, E.164
	 * @param from the sender id
	 * @param messageType TRANSACTIONAL (default) or MARKETING
	 * @param at when (default now)
	 */
	record ExplainRequest(String tenantId, String to, String from, String messageType, Instant at) {

	}

}
