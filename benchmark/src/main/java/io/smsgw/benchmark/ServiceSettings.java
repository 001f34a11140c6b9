package io.smsgw.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How each service is configured in the benchmark: the addresses of the broker, the database and
 * the simulator, the seeded tenant and client, and what the benchmark lifts (the tenant's rate
 * limit, the request size) so that it measures the gateway rather than its limits.
 *
 * @param options the benchmark's options
 * @param kafka the broker's bootstrap servers
 * @param database the database
 * @param smscPort the simulator's port
 * @param clientSecret the seeded client's secret (random per run)
 */
record ServiceSettings(BenchmarkOptions options, String kafka, Database database, int smscPort, String clientSecret) {

	/** The Spring properties of a service instance; {@code apiUrl} is null for the API itself. */
	Map<String, Object> properties(String module, String label, String apiUrl) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spring.main.banner-mode", "off");
		p.put("spring.kafka.bootstrap-servers", this.kafka);
		p.put("sms.kafka.partitions", this.options.partitions());
		if (!module.equals("smpp-connector-service") && !module.equals("modem-connector-service")) {
			p.put("spring.datasource.url", this.database.jdbcUrl());
			p.put("spring.datasource.username", this.database.username());
			p.put("spring.datasource.password", this.database.password());
		}
		switch (module) {
			case "api-service" -> {
				p.put("sms.api.seed.tenant-id", Suite.TENANT);
				p.put("sms.api.seed.tenant-name", "Benchmark tenant");
				p.put("sms.api.seed.client-id", Suite.CLIENT_ID);
				p.put("sms.api.seed.client-secret", this.clientSecret);
				p.put("sms.api.seed.default-region", "DE");
				// the benchmark measures the gateway, not the tenant's rate limit
				p.put("sms.api.limits.rate-per-second", 1_000_000);
				p.put("sms.api.max-request-size", "4MB");
				p.put("sms.api.jwt.token-ttl", "6h");
			}
			case "router-service" -> {
				p.put("sms.router.default-connector", Suite.CONNECTOR);
				p.put("sms.router.security.jwk-set-uri", apiUrl + "/oauth2/jwks");
				// unique per instance (HOSTNAME is the same for every process on this machine)
				p.put("spring.kafka.producer.transaction-id-prefix", "router-" + label.replace('#', '-') + "-"
						+ UUID.randomUUID() + "-");
			}
			case "smpp-connector-service" -> {
				String c = "sms.smpp.connections[0].";
				p.put(c + "id", Suite.CONNECTOR);
				p.put(c + "host", "127.0.0.1");
				p.put(c + "port", this.smscPort);
				p.put(c + "system-id", "bench");
				p.put(c + "password", "bench-secret");
				p.put(c + "binds", this.options.binds());
				p.put(c + "window-size", this.options.window());
			}
			case "webhook-service" -> {
				p.put("sms.webhook.signing-secrets." + Suite.TENANT, "whsec-" + this.clientSecret);
				p.put("sms.webhook.allow-loopback", true);
			}
			default -> {
			}
		}
		return p;
	}

}
