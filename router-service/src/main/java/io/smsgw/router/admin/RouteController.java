package io.smsgw.router.admin;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.common.event.MessageType;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.web.NotFoundException;
import io.smsgw.router.admin.AdminRequests.ExplainRequest;
import io.smsgw.router.admin.AdminRequests.RouteRequest;
import io.smsgw.router.dispatch.RoutingDecision;
import io.smsgw.router.dispatch.RoutingDecisions;
import io.smsgw.router.health.HealthTracker;
import io.smsgw.router.routing.Candidate;
import io.smsgw.router.routing.Explanation;
import io.smsgw.router.routing.Route;
import io.smsgw.router.routing.RouteQuery;
import io.smsgw.router.table.RoutingTables;

/** The route table ({@code /v1/admin/routes}), the explain endpoint and recorded decisions. */
@RestController
class RouteController {

	private final RoutingAdmin admin;

	private final RoutingTables tables;

	private final HealthTracker health;

	private final RoutingDecisions decisions;

	RouteController(RoutingAdmin admin, RoutingTables tables, HealthTracker health, RoutingDecisions decisions) {
		this.admin = admin;
		this.tables = tables;
		this.health = health;
		this.decisions = decisions;
	}

	@GetMapping("/v1/admin/routes")
	List<Route> list() {
		return this.admin.routes();
	}

	@GetMapping("/v1/admin/routes/{id}")
	Route get(@PathVariable long id) {
		return this.admin.route(id);
	}

	@PostMapping("/v1/admin/routes")
	ResponseEntity<Route> create(@RequestBody(required = false) RouteRequest request) {
		Route route = this.admin.createRoute(request);
		return ResponseEntity.created(URI.create("/v1/admin/routes/" + route.id())).body(route);
	}

	@PutMapping("/v1/admin/routes/{id}")
	Route update(@PathVariable long id, @RequestBody(required = false) RouteRequest request) {
		return this.admin.updateRoute(id, request);
	}

	@DeleteMapping("/v1/admin/routes/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.admin.deleteRoute(id);
		return ResponseEntity.noContent().build();
	}

	/** Which route and connector a message would take, and why; nothing is sent. */
	@PostMapping("/v1/admin/routes/explain")
	ExplainResponse explain(@RequestBody(required = false) ExplainRequest request) {
		if (request == null || request.to() == null || request.to().isBlank()) {
			throw new InvalidRequestException(List.of(new FieldProblem("to", "is required")));
		}
		MessageType type;
		try {
			type = (request.messageType() != null) ? MessageType.valueOf(request.messageType()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					List.of(new FieldProblem("messageType", "must be TRANSACTIONAL or MARKETING")));
		}
		RouteQuery query = new RouteQuery(request.tenantId(), request.to(), request.from(), type, request.at());
		Explanation explanation = this.tables.current().explain(query, this.health);
		boolean found = explanation.selection().found();
		return new ExplainResponse(found ? "ROUTED" : "NO_ROUTE", found ? explanation.selection().route().id() : null,
				found ? explanation.selection().route().name() : null,
				found ? explanation.selection().first().connectorId() : null, explanation.selection().candidates(),
				explanation.considered(), explanation.version());
	}

	/** Where each attempt of a message went and at what price per segment. */
	@GetMapping("/v1/admin/decisions/{messageId}")
	List<RoutingDecision> decisions(@PathVariable UUID messageId) {
		List<RoutingDecision> found = this.decisions.of(messageId);
		if (found.isEmpty()) {
			throw new NotFoundException("No routing decision for message " + messageId);
		}
		return found;
	}

	/**
	 * The answer of the explain endpoint.
	 *
	 * @param outcome ROUTED or NO_ROUTE
	 * @param routeId the route selected
	 * @param routeName its name
	 * @param connectorId the connector tried first
	 * @param candidates every candidate in order, with price and health
	 * @param considered each route looked at, with the outcome and why
	 * @param version the route table version answered from
	 */
	record ExplainResponse(String outcome, Long routeId, String routeName, String connectorId,
			List<Candidate> candidates, List<Explanation.Consideration> considered, long version) {

	}

}
