package io.smsgw.api.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.smsgw.api.admin.AdminRecords.ClientView;
import io.smsgw.api.admin.AdminRecords.CreateClient;
import io.smsgw.api.admin.AdminRecords.CreateTenant;
import io.smsgw.api.admin.AdminRecords.IssuedClient;
import io.smsgw.api.admin.AdminRecords.Limits;
import io.smsgw.api.admin.AdminRecords.TenantView;
import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.limit.TenantLimits;
import io.smsgw.api.tenant.ApiClient;
import io.smsgw.api.tenant.ApiClientRepository;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.tenant.TenantDirectory;
import io.smsgw.api.tenant.TenantRepository;
import io.smsgw.common.web.ConflictException;
import io.smsgw.common.web.NotFoundException;

/**
 * Tenants and their clients, managed through the admin API. Secrets are random (256 bits), hashed
 * with bcrypt before they are stored, returned once and never logged.
 */
@Service
class TenantAdmin {

	private static final Logger log = LoggerFactory.getLogger(TenantAdmin.class);

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final TenantRepository tenants;

	private final ApiClientRepository clients;

	private final TenantDirectory directory;

	private final TenantLimits limits;

	private final PasswordEncoder encoder;

	private final AdminValidation validation;

	private final ApiProperties.Clients config;

	TenantAdmin(JdbcTemplate jdbc, TenantRepository tenants, ApiClientRepository clients, TenantDirectory directory,
			TenantLimits limits, PasswordEncoder encoder, ApiProperties properties) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.clients = clients;
		this.directory = directory;
		this.limits = limits;
		this.encoder = encoder;
		this.validation = new AdminValidation(properties.messages().maxParts());
		this.config = properties.clients();
	}

	TenantView createTenant(CreateTenant request) {
		CreateTenant valid = this.validation.tenant(request);
		Limits l = (valid.limits() != null) ? valid.limits() : new Limits(null, null, null);
		try {
			this.jdbc.update("INSERT INTO tenant (id, name, default_region, created_at, rate_per_second, daily_quota, "
					+ "max_parts, transliterate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", valid.id(), valid.name(),
					valid.defaultRegion(), Instant.now().atOffset(ZoneOffset.UTC), l.ratePerSecond(), l.dailyQuota(),
					l.maxParts(), l.transliterateOrDefault());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Tenant " + valid.id() + " exists already");
		}
		log.info("Created tenant {}", valid.id());
		return tenant(valid.id());
	}

	TenantView tenant(String tenantId) {
		Tenant tenant = this.tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
		return new TenantView(tenant.getId(), tenant.getName(), tenant.getDefaultRegion(),
				new Limits(tenant.getRatePerSecond(), tenant.getDailyQuota(), tenant.getMaxParts(),
						tenant.isTransliterate()),
				this.limits.usedToday(tenant.getId()), tenant.getCreatedAt());
	}

	TenantView setLimits(String tenantId, Limits limits) {
		Limits valid = this.validation.limits(limits);
		int updated = this.jdbc.update("UPDATE tenant SET rate_per_second = ?, daily_quota = ?, max_parts = ?, "
				+ "transliterate = ? WHERE id = ?", valid.ratePerSecond(), valid.dailyQuota(), valid.maxParts(),
				valid.transliterateOrDefault(), tenantId);
		if (updated == 0) {
			throw new NotFoundException("No tenant " + tenantId);
		}
		this.directory.evict(tenantId);
		return tenant(tenantId);
	}

	IssuedClient createClient(String tenantId, CreateClient request) {
		tenant(tenantId);
		CreateClient valid = this.validation.client(request);
		String clientId = (valid.clientId() != null) ? valid.clientId() : "cl_" + HexFormat.of().formatHex(bytes(10));
		String secret = secret();
		try {
			this.jdbc.update("INSERT INTO api_client (client_id, tenant_id, secret_hash, scopes, created_at) "
					+ "VALUES (?, ?, ?, ?, ?)", clientId, tenantId, this.encoder.encode(secret),
					String.join(" ", valid.scopes()), Instant.now().atOffset(ZoneOffset.UTC));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("Client " + clientId + " exists already");
		}
		log.info("Created API client {} of tenant {} with scopes {}", clientId, tenantId, valid.scopes());
		return new IssuedClient(clientId, tenantId, secret, valid.scopes(), null);
	}

	List<ClientView> clients(String tenantId) {
		tenant(tenantId);
		Instant now = Instant.now();
		return this.clients.findByTenantIdOrderByClientId(tenantId).stream().map((c) -> view(c, now)).toList();
	}

	/** A new secret; the old one stays valid for the overlap (the configured default when null). */
	IssuedClient rotate(String clientId, Long overlapSeconds) {
		ApiClient client = client(clientId);
		Duration overlap = this.validation.overlap(overlapSeconds, this.config);
		String secret = secret();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant until = overlap.isZero() ? null : now.plus(overlap);
		this.jdbc.update("UPDATE api_client SET previous_secret_hash = CASE WHEN ? THEN secret_hash END, "
				+ "previous_secret_expires_at = ?, secret_hash = ? WHERE client_id = ?", until != null,
				(until != null) ? until.atOffset(ZoneOffset.UTC) : null, this.encoder.encode(secret), clientId);
		log.info("Rotated the secret of API client {}; the old one is valid until {}", clientId,
				(until != null) ? until : "now (revoked)");
		return new IssuedClient(clientId, client.getTenantId(), secret, List.copyOf(client.getScopes()), until);
	}

	ClientView disable(String clientId) {
		client(clientId);
		this.jdbc.update("UPDATE api_client SET enabled = false, previous_secret_hash = NULL WHERE client_id = ?",
				clientId);
		log.info("Disabled API client {}", clientId);
		return view(client(clientId), Instant.now());
	}

	private ApiClient client(String clientId) {
		return this.clients.findById(clientId).orElseThrow(() -> new NotFoundException("No client " + clientId));
	}

	private static ClientView view(ApiClient client, Instant now) {
		boolean overlap = client.previousSecretHashAt(now) != null;
		return new ClientView(client.getClientId(), client.getTenantId(), List.copyOf(client.getScopes()),
				client.isEnabled(), client.getCreatedAt(), overlap ? client.getPreviousSecretExpiresAt() : null);
	}

	private String secret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	private byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
