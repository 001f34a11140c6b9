package io.smsgw.router.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the connectors and the route table, and route selection over it.
 * Routes are tried from the longest matching destination prefix to the shortest (routes without
 * a prefix come after every prefix route), by priority within one prefix, and the default route
 * last; the first route whose filters all match and that has an enabled connector wins. Safe
 * for any number of threads; plain Java, no framework types.
 */
public final class RoutingTable {

	private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> e.route.priority())
		.thenComparingLong((e) -> e.route.id());

	private final long version;

	private final Map<String, Connector> connectors;

	private final List<Route> routes;

	private final PrefixTrie<Entry> trie = new PrefixTrie<>();

	private final Entry defaultRoute;

	private RoutingTable(long version, Collection<Connector> connectors, List<Route> routes) {
		this.version = version;
		Map<String, Connector> byId = new LinkedHashMap<>();
		connectors.forEach((c) -> byId.put(c.id(), c));
		this.connectors = Map.copyOf(byId);
		this.routes = List.copyOf(routes);
		Entry fallback = null;
		List<Entry> entries = new ArrayList<>(routes.size());
		for (Route route : routes) {
			Entry entry = new Entry(route, new RouteMatcher(route.filters()), new CandidateOrder(route, byId));
			if (route.isDefault()) {
				fallback = entry;
			}
			else {
				entries.add(entry);
			}
		}
		entries.sort(ORDER);
		for (Entry entry : entries) {
			String prefix = entry.route.filters().prefix();
			this.trie.add((prefix != null) ? prefix : "", entry);
		}
		this.defaultRoute = fallback;
	}

	/** A snapshot of these connectors and routes (at most one of them the default). */
	public static RoutingTable of(long version, Collection<Connector> connectors, List<Route> routes) {
		return new RoutingTable(version, connectors, routes);
	}

	/** The configuration version this snapshot was built from. */
	public long version() {
		return this.version;
	}

	/** The connectors by id. */
	public Map<String, Connector> connectors() {
		return this.connectors;
	}

	/** The routes, as loaded. */
	public List<Route> routes() {
		return this.routes;
	}

	/** Chooses the route and the candidate connectors for a message. */
	public Selection select(RouteQuery query, ConnectorStatus status) {
		return evaluate(query, status, null);
	}

	/** What {@link #select} would answer and why, without taking a round-robin turn. */
	public Explanation explain(RouteQuery query, ConnectorStatus status) {
		List<Explanation.Consideration> trace = new ArrayList<>();
		Selection selection = evaluate(query, status, trace);
		return new Explanation(selection, trace, this.version);
	}

	/** The price per segment of a connector on a route, or {@code null}. */
	public java.math.BigDecimal priceOf(long routeId, String connectorId) {
		for (Route route : this.routes) {
			if (route.id() == routeId) {
				for (RouteMember member : route.members()) {
					if (member.connectorId().equals(connectorId)) {
						return member.pricePerSegment();
					}
				}
				return null;
			}
		}
		return null;
	}

	private Selection evaluate(RouteQuery query, ConnectorStatus status, List<Explanation.Consideration> trace) {
		String digits = query.destinationDigits();
		if (digits == null) {
			return Selection.NONE;
		}
		MessageFacts facts = new MessageFacts(digits);
		Selection selected = null;
		for (List<Entry> level : this.trie.matches(digits)) {
			for (Entry entry : level) {
				selected = consider(entry, query, facts, status, trace, selected);
				if (selected != null && trace == null) {
					return selected;
				}
			}
		}
		if (this.defaultRoute != null) {
			selected = consider(this.defaultRoute, query, facts, status, trace, selected);
		}
		return (selected != null) ? selected : Selection.NONE;
	}

	private static Selection consider(Entry entry, RouteQuery query, MessageFacts facts, ConnectorStatus status,
			List<Explanation.Consideration> trace, Selection already) {
		String mismatch = entry.matcher.mismatch(query, facts);
		String outcome;
		String reason;
		Selection result = already;
		if (mismatch != null) {
			outcome = "NOT_MATCHED";
			reason = mismatch;
		}
		else if (!entry.order.hasUsable()) {
			outcome = "NO_USABLE_CONNECTOR";
			reason = "every connector of the route is disabled or unknown";
		}
		else if (already != null) {
			outcome = "NOT_REACHED";
			reason = entry.matcher.describe() + ", but an earlier route was selected";
		}
		else {
			outcome = "SELECTED";
			reason = entry.matcher.describe();
			result = new Selection(entry.route, entry.order.order(status, trace == null));
		}
		if (trace != null) {
			trace.add(new Explanation.Consideration(entry.route.id(), entry.route.name(), entry.route.priority(),
					outcome, reason));
		}
		return result;
	}

	private record Entry(Route route, RouteMatcher matcher, CandidateOrder order) {

	}

}
