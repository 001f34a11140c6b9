package io.smsgw.api.admin;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.smsgw.api.admin.AdminRecords.ClientView;
import io.smsgw.api.admin.AdminRecords.CreateClient;
import io.smsgw.api.admin.AdminRecords.CreateTenant;
import io.smsgw.api.admin.AdminRecords.IssuedClient;
import io.smsgw.api.admin.AdminRecords.Limits;
import io.smsgw.api.admin.AdminRecords.Rotate;
import io.smsgw.api.admin.AdminRecords.TenantView;

/**
 * The admin API (scope {@code admin}): tenants with their limits, and their API clients, whose
 * secrets are generated here, stored hashed and shown once.
 */
@RestController
class AdminController {

	private final TenantAdmin admin;

	AdminController(TenantAdmin admin) {
		this.admin = admin;
	}

	@PostMapping(path = "/v1/admin/tenants", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TenantView> createTenant(@RequestBody CreateTenant request) {
		TenantView tenant = this.admin.createTenant(request);
		return ResponseEntity.created(URI.create("/v1/admin/tenants/" + tenant.id())).body(tenant);
	}

	@GetMapping(path = "/v1/admin/tenants/{tenantId}", produces = MediaType.APPLICATION_JSON_VALUE)
	TenantView getTenant(@PathVariable String tenantId) {
		return this.admin.tenant(tenantId);
	}

	@PutMapping(path = "/v1/admin/tenants/{tenantId}/limits", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	TenantView setLimits(@PathVariable String tenantId, @RequestBody Limits limits) {
		return this.admin.setLimits(tenantId, limits);
	}

	@PostMapping(path = "/v1/admin/tenants/{tenantId}/clients", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IssuedClient> createClient(@PathVariable String tenantId, @RequestBody CreateClient request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.admin.createClient(tenantId, request));
	}

	@GetMapping(path = "/v1/admin/tenants/{tenantId}/clients", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ClientView> clients(@PathVariable String tenantId) {
		return this.admin.clients(tenantId);
	}

	@PostMapping(path = "/v1/admin/clients/{clientId}/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
	IssuedClient rotate(@PathVariable String clientId, @RequestBody(required = false) Rotate request) {
		return this.admin.rotate(clientId, (request != null) ? request.overlapSeconds() : null);
	}

	@PostMapping(path = "/v1/admin/clients/{clientId}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
	ClientView disable(@PathVariable String clientId) {
		return this.admin.disable(clientId);
	}

}
