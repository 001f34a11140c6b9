package io.smsgw.router.routing;

import java.util.List;
import java.util.Map;

/**
 * Routes by the longest matching E.164 prefix of the destination, falling back to a default
 * connector. A destination that is not an E.164 number has no route.
 */
public final class PrefixRouteSelector implements RouteSelector {

	private final List<Map.Entry<String, String>> routes;

	private final String defaultConnector;

	/**
	 * @param routes (digit prefix, connector id) pairs in configuration order
	 * @param defaultConnector the connector used when no prefix matches
	 */
	public PrefixRouteSelector(List<Map.Entry<String, String>> routes, String defaultConnector) {
		this.routes = List.copyOf(routes);
		this.defaultConnector = defaultConnector;
	}

	@Override
	public List<String> candidates(RouteQuery query) {
		String digits = query.destinationDigits();
		if (digits == null) {
			return List.of();
		}
		Map.Entry<String, String> best = null;
		for (Map.Entry<String, String> route : this.routes) {
			if (digits.startsWith(route.getKey())
					&& (best == null || route.getKey().length() > best.getKey().length())) {
				best = route;
			}
		}
		return List.of((best != null) ? best.getValue() : this.defaultConnector);
	}

}
