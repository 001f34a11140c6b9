package io.smsgw.router.admin;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Service;

import io.smsgw.common.event.RoutingChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.NotFoundException;
import io.smsgw.router.admin.AdminRequests.RouteRequest;
import io.smsgw.router.routing.Connector;
import io.smsgw.router.routing.Route;
import io.smsgw.router.table.ConnectorTopics;
import io.smsgw.router.table.RoutingRepository;
import io.smsgw.router.table.RoutingTables;

/**
 * Changes connectors and routes: writes them, creates a new connector's topics first, reloads
 * this instance at once and tells every other instance with a {@link RoutingChanged} event.
 */
@Service
class RoutingAdmin {

	private final RoutingRepository repository;

	private final RoutingTables tables;

	private final ConnectorTopics topics;

	private final KafkaOperations<String, Object> kafka;

	private final Clock clock;

	RoutingAdmin(RoutingRepository repository, RoutingTables tables, ConnectorTopics topics,
			KafkaOperations<String, Object> kafka, Clock clock) {
		this.repository = repository;
		this.tables = tables;
		this.topics = topics;
		this.kafka = kafka;
		this.clock = clock;
	}

	Connector createConnector(Connector connector) {
		if (this.repository.connector(connector.id()).isPresent()) {
			throw new ConflictException("Connector " + connector.id() + " exists");
		}
		this.topics.create(connector.id());
		change("connector " + connector.id() + " registered", () -> this.repository.saveConnector(connector));
		return connector;
	}

	Connector updateConnector(Connector connector) {
		connector(connector.id());
		change("connector " + connector.id() + " updated", () -> this.repository.saveConnector(connector));
		return connector;
	}

	void deleteConnector(String id) {
		connector(id);
		String usedBy = this.repository.routes()
			.stream()
			.filter((r) -> r.members().stream().anyMatch((m) -> m.connectorId().equals(id)))
			.map((r) -> r.id() + " (" + r.name() + ")")
			.collect(Collectors.joining(", "));
		if (!usedBy.isEmpty()) {
			throw new ConflictException("Connector " + id + " is used by routes " + usedBy);
		}
		change("connector " + id + " deleted", () -> this.repository.deleteConnector(id));
	}

	Connector connector(String id) {
		return this.repository.connector(id).orElseThrow(() -> new NotFoundException("No connector " + id));
	}

	List<Connector> connectors() {
		return this.repository.connectors();
	}

	List<Route> routes() {
		return this.repository.routes();
	}

	Route route(long id) {
		return this.repository.route(id).orElseThrow(() -> new NotFoundException("No route " + id));
	}

	Route createRoute(RouteRequest request) {
		Route route = RouteValidation.toRoute(0, request, this.repository.connectors().stream().map(Connector::id)
			.collect(Collectors.toSet()));
		if (route.isDefault() && this.repository.routes().stream().anyMatch(Route::isDefault)) {
			throw new ConflictException("A default route exists: change it instead");
		}
		long id = change("route " + route.name() + " created", () -> this.repository.insertRoute(route));
		return route(id);
	}

	Route updateRoute(long id, RouteRequest request) {
		Route existing = route(id);
		Route route = RouteValidation.toRoute(id, request, this.repository.connectors().stream().map(Connector::id)
			.collect(Collectors.toSet()));
		if (route.isDefault() != existing.isDefault()) {
			throw new ConflictException("A route cannot become or stop being the default route");
		}
		change("route " + id + " updated", () -> this.repository.updateRoute(id, route));
		return route(id);
	}

	void deleteRoute(long id) {
		if (route(id).isDefault()) {
			throw new ConflictException("The default route cannot be deleted: change it instead");
		}
		change("route " + id + " deleted", () -> this.repository.deleteRoute(id));
	}

	private <T> T change(String what, Supplier<T> work) {
		RoutingRepository.Versioned<T> done;
		try {
			done = this.repository.write(work);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("The change conflicts with the current routing configuration");
		}
		this.tables.reload(what);
		RoutingChanged event = new RoutingChanged(done.version(), what, this.clock.instant());
		this.kafka.executeInTransaction((ops) -> ops.send(Topics.ROUTING_CHANGED, event.key(), event));
		return done.result();
	}

}
