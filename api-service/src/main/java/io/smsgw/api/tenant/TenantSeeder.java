package io.smsgw.api.tenant;

import java.time.Instant;
import java.util.LinkedHashSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.config.ApiProperties.SeedTenant;

/**
 * Creates the tenants and clients of {@code sms.api.seed.*} at start-up when they do not exist yet.
 * Idempotent, also with several instances starting at once; never logs a secret.
 */
@Component
class TenantSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TenantSeeder.class);

	private final ApiProperties properties;

	private final TenantRepository tenants;

	private final ApiClientRepository clients;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	TenantSeeder(ApiProperties properties, TenantRepository tenants, ApiClientRepository clients,
			PasswordEncoder passwordEncoder, TransactionTemplate transactions) {
		this.properties = properties;
		this.tenants = tenants;
		this.clients = clients;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SeedTenant seed : this.properties.seed().all()) {
			seed(seed);
		}
	}

	void seed(SeedTenant seed) {
		if (seed.tenantId() == null || seed.tenantId().isBlank()) {
			return;
		}
		ignoringRace(() -> {
			if (!this.tenants.existsById(seed.tenantId())) {
				this.tenants.saveAndFlush(new Tenant(seed.tenantId(), seed.tenantName(), seed.defaultRegion(),
						Instant.now()));
				log.info("Seeded tenant {}", seed.tenantId());
			}
		});
		if (seed.clientId() == null || seed.clientId().isBlank()) {
			return;
		}
		if (seed.clientSecret() == null || seed.clientSecret().isBlank()) {
			log.warn("Not seeding client {} of tenant {}: it has no secret", seed.clientId(), seed.tenantId());
			return;
		}
		ignoringRace(() -> {
			if (!this.clients.existsById(seed.clientId())) {
				this.clients.saveAndFlush(new ApiClient(seed.clientId(), seed.tenantId(),
						this.passwordEncoder.encode(seed.clientSecret()), new LinkedHashSet<>(seed.scopes()),
						Instant.now()));
				log.info("Seeded API client {} of tenant {} with scopes {}", seed.clientId(), seed.tenantId(),
						seed.scopes());
			}
		});
	}

	private void ignoringRace(Runnable insert) {
		try {
			this.transactions.executeWithoutResult((status) -> insert.run());
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Seed row created concurrently by another instance", ex);
		}
	}

}
