package io.smsgw.router.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.router.admin.AdminRequests.ConnectorRequest;
import io.smsgw.router.routing.Connector;

/** The connector registry: {@code /v1/admin/connectors}. */
@RestController
@RequestMapping("/v1/admin/connectors")
class ConnectorController {

	private final RoutingAdmin admin;

	ConnectorController(RoutingAdmin admin) {
		this.admin = admin;
	}

	@GetMapping
	List<Connector> list() {
		return this.admin.connectors();
	}

	@GetMapping("/{id}")
	Connector get(@PathVariable String id) {
		return this.admin.connector(id);
	}

	/** Registers a connector and creates its dispatch topics. */
	@PostMapping
	ResponseEntity<Connector> create(@RequestBody(required = false) ConnectorRequest request) {
		Connector connector = this.admin.createConnector(validate((request != null) ? request.id() : null, request));
		return ResponseEntity.created(URI.create("/v1/admin/connectors/" + connector.id())).body(connector);
	}

	@PutMapping("/{id}")
	Connector update(@PathVariable String id, @RequestBody(required = false) ConnectorRequest request) {
		return this.admin.updateConnector(validate(id, request));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.admin.deleteConnector(id);
		return ResponseEntity.noContent().build();
	}

	private static Connector validate(String id, ConnectorRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (id == null || !id.matches("[a-zA-Z0-9._-]{1,100}")) {
			problems.add(new FieldProblem("id", "must be 1 to 100 letters, digits, '.', '_' or '-'"));
		}
		String kind = (request != null && request.kind() != null) ? request.kind().toUpperCase(Locale.ROOT) : null;
		if (kind == null || !(kind.equals("SMPP") || kind.equals("MODEM"))) {
			problems.add(new FieldProblem("kind", "must be SMPP or MODEM"));
		}
		if (request != null && request.description() != null && request.description().length() > 500) {
			problems.add(new FieldProblem("description", "must be at most 500 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new Connector(id, Connector.Kind.valueOf(kind), request.description(),
				!Boolean.FALSE.equals(request.enabled()));
	}

}
