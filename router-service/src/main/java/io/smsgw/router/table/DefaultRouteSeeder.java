package io.smsgw.router.table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;

import io.smsgw.router.config.RouterProperties;
import io.smsgw.router.routing.Connector;
import io.smsgw.router.routing.Route;
import io.smsgw.router.routing.RouteFilters;
import io.smsgw.router.routing.RouteMember;
import io.smsgw.router.routing.Strategy;

/**
 * Fills an empty route table from the configuration: the default route to
 * {@code sms.router.default-connector} and the static {@code sms.router.routes}, so that a
 * gateway runs with nothing but that property.
 */
public final class DefaultRouteSeeder {

	private static final Logger log = LoggerFactory.getLogger(DefaultRouteSeeder.class);

	private DefaultRouteSeeder() {
	}

	/** Seeds when there is no route yet; answers whether it did. */
	public static boolean seedIfEmpty(RoutingRepository repository, RouterProperties properties) {
		if (repository.hasRoutes()) {
			return false;
		}
		if (properties.defaultConnector() == null) {
			log.warn("The route table is empty and sms.router.default-connector is not set: every message fails with NO_ROUTE");
			return false;
		}
		Set<String> ids = new LinkedHashSet<>(properties.connectorIds());
		try {
			repository.write(() -> {
				for (String id : ids) {
					repository.saveConnector(new Connector(id, properties.kindOf(id), "from configuration", true));
				}
				repository.insertRoute(new Route(0, "default", Integer.MAX_VALUE, true, RouteFilters.ANY,
						Strategy.FAILOVER, List.of(new RouteMember(properties.defaultConnector(), 1, null))));
				int priority = 100;
				for (RouterProperties.PrefixRouteProperties route : properties.routes()) {
					repository.insertRoute(new Route(0, "prefix +" + route.prefix(), priority++, false,
							RouteFilters.prefix(route.prefix()), Strategy.FAILOVER,
							List.of(new RouteMember(route.connector(), 1, null))));
				}
				return null;
			});
			log.info("Seeded the route table: default route to {}, {} prefix routes", properties.defaultConnector(),
					properties.routes().size());
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Another instance seeded the route table first");
			return false;
		}
	}

}
