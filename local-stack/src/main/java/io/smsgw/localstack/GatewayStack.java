package io.smsgw.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.smsgw.infra.EmbeddedInfrastructure;
import io.smsgw.infra.Infrastructure;
import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/**
 * The whole gateway in one JVM: an embedded Kafka broker and PostgreSQL, the SMSC simulator (or a
 * real SMSC), and every service in its own Spring context, configured as it would be in
 * production, only with the addresses of the embedded infrastructure.
 */
public final class GatewayStack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GatewayStack.class);

	private final LocalStackOptions options;

	private final Infrastructure infrastructure;

	private final SmscSimulator simulator;

	private final SimulatedModemRack modems;

	private final Map<ServiceKind, ConfigurableApplicationContext> services = new EnumMap<>(ServiceKind.class);

	private GatewayStack(LocalStackOptions options, Infrastructure infrastructure, SmscSimulator simulator,
			SimulatedModemRack modems) {
		this.options = options;
		this.infrastructure = infrastructure;
		this.simulator = simulator;
		this.modems = modems;
	}

	/**
	 * Starts everything. The broker takes a free port (the embedded KRaft broker cannot be given
	 * one); {@link #infrastructure()} tells which.
	 * @param options ports, SMSC and secrets
	 * @param extraProperties further properties per service name (e.g. a second tenant for tests)
	 */
	public static GatewayStack start(LocalStackOptions options, Map<String, Map<String, Object>> extraProperties) {
		long started = System.nanoTime();
		Infrastructure infrastructure = EmbeddedInfrastructure.start(0, options.postgresPort(),
				null, 3);
		SmscSimulator simulator = null;
		SimulatedModemRack modems = null;
		GatewayStack stack = null;
		try {
			if (!options.usesRealSmsc()) {
				simulator = SmscSimulator.start(SmscSimulatorConfig.defaults()
					.withPort(options.simulatorPort())
					.withCredentials(options.smscSystemId(), options.smscPassword())
					.withReceipts(Duration.ofMillis(500), "DELIVRD", true));
			}
			modems = startModems();
			stack = new GatewayStack(options, infrastructure, simulator, modems);
			for (ServiceKind kind : ServiceKind.values()) {
				stack.startService(kind, extraProperties.getOrDefault(kind.serviceName(), Map.of()));
			}
			log.info("Gateway up in {} ms", (System.nanoTime() - started) / 1_000_000);
			return stack;
		}
		catch (RuntimeException ex) {
			if (stack != null) {
				stack.close();
			}
			else {
				if (simulator != null) {
					simulator.close();
				}
				if (modems != null) {
					modems.close();
				}
				infrastructure.close();
			}
			throw ex;
		}
	}

	/** A simulated rack of two modems on pseudo-terminals, where socat is installed. */
	private static SimulatedModemRack startModems() {
		if (!PtyPair.socatAvailable()) {
			log.info("socat is not installed: no simulated modem rack (messages to +{} have no route)",
					LocalStackOptions.MODEM_PREFIX);
			return null;
		}
		SimulatedModemRack rack = SimulatedModemRack.start(2, null, Duration.ofSeconds(2));
		for (int i = 0; i < rack.size(); i++) {
			rack.modem(i).statusReports(true, 0x00, Duration.ofMillis(500));
		}
		return rack;
	}

	private void startService(ServiceKind kind, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", this.infrastructure.kafkaBootstrapServers());
		if (kind.usesDatabase()) {
			properties.put("spring.datasource.url", this.infrastructure.jdbcUrl());
			properties.put("spring.datasource.username", this.infrastructure.jdbcUsername());
			properties.put("spring.datasource.password", this.infrastructure.jdbcPassword());
		}
		properties.put("server.port", (kind == ServiceKind.API) ? this.options.apiPort()
				: this.options.servicePort(kind.portOffset()));
		properties.put("sms.kafka.partitions", 3);
		properties.put("spring.autoconfigure.exclude", String.join(",", kind.exclusions()));
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.jpa.open-in-view", false);
		if (kind != ServiceKind.API && kind != ServiceKind.ROUTER) {
			// springdoc is on the shared classpath for the two services with an HTTP API
			properties.put("springdoc.api-docs.enabled", false);
			properties.put("springdoc.swagger-ui.enabled", false);
		}
		properties.putAll(serviceProperties(kind));
		properties.putAll(extra);
		SpringApplication application = kind.application();
		// the stack closes the services in order (see close()); a hook per context would race it
		application.setRegisterShutdownHook(false);
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		long started = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
		this.services.put(kind, context);
		log.info("{} up on port {} in {} ms", kind.serviceName(), port(context),
				(System.nanoTime() - started) / 1_000_000);
	}

	private Map<String, Object> serviceProperties(ServiceKind kind) {
		Map<String, Object> properties = new LinkedHashMap<>();
		switch (kind) {
			case API -> {
				properties.put("sms.api.seed.tenant-id", LocalStackOptions.TENANT);
				properties.put("sms.api.seed.tenant-name", "Demo tenant");
				properties.put("sms.api.seed.client-id", LocalStackOptions.CLIENT_ID);
				properties.put("sms.api.seed.client-secret", this.options.clientSecret());
				properties.put("sms.api.seed.default-region", "DE");
			}
			case ROUTER -> {
				properties.put("sms.router.default-connector", LocalStackOptions.CONNECTOR);
				if (this.modems != null) {
					properties.put("sms.router.routes[0].prefix", LocalStackOptions.MODEM_PREFIX);
					properties.put("sms.router.routes[0].connector", LocalStackOptions.MODEM_RACK);
					properties.put("sms.router.routes[0].kind", "MODEM");
				}
				properties.put("sms.router.security.jwk-set-uri", apiUrl() + "/oauth2/jwks");
			}
			case SMPP -> {
				String prefix = "sms.smpp.connections[0].";
				properties.put(prefix + "id", LocalStackOptions.CONNECTOR);
				properties.put(prefix + "host", this.options.usesRealSmsc() ? this.options.smscHost() : "127.0.0.1");
				properties.put(prefix + "port",
						this.options.usesRealSmsc() ? this.options.smscPort() : this.simulator.port());
				properties.put(prefix + "system-id", this.options.smscSystemId());
				properties.put(prefix + "password", this.options.smscPassword());
			}
			case MODEM -> {
				if (this.modems != null) {
					properties.put("sms.modem.racks[0].id", LocalStackOptions.MODEM_RACK);
					for (int i = 0; i < this.modems.size(); i++) {
						String modem = "sms.modem.racks[0].modems[" + i + "].";
						properties.put(modem + "id", "modem-" + (i + 1));
						properties.put(modem + "port", this.modems.port(i));
						properties.put(modem + "number", "+" + LocalStackOptions.MODEM_PREFIX + "00000" + (i + 1));
						properties.put(modem + "messages-per-minute", 20);
					}
				}
			}
			case WEBHOOK -> {
				properties.put("sms.webhook.signing-secrets." + LocalStackOptions.TENANT, this.options.webhookSecret());
				// the callback inspector and tests' receivers listen on 127.0.0.1
				properties.put("sms.webhook.allow-loopback", true);
				properties.put("sms.webhook.security.jwk-set-uri", apiUrl() + "/oauth2/jwks");
			}
			default -> {
			}
		}
		return properties;
	}

	private static int port(ConfigurableApplicationContext context) {
		return (context instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : -1;
	}

	/** The port a service listens on. */
	public int port(String serviceName) {
		for (Map.Entry<ServiceKind, ConfigurableApplicationContext> entry : this.services.entrySet()) {
			if (entry.getKey().serviceName().equals(serviceName)) {
				return port(entry.getValue());
			}
		}
		throw new IllegalArgumentException("No service " + serviceName);
	}

	/** The base URL of the REST API. */
	public String apiUrl() {
		return "http://127.0.0.1:" + port(ServiceKind.API.serviceName());
	}

	/** The SMSC simulator, or {@code null} when bound to a real SMSC. */
	public SmscSimulator simulator() {
		return this.simulator;
	}

	/** The simulated modem rack, or {@code null} without socat. */
	public SimulatedModemRack modems() {
		return this.modems;
	}

	/** The embedded Kafka broker and PostgreSQL. */
	public Infrastructure infrastructure() {
		return this.infrastructure;
	}

	public LocalStackOptions options() {
		return this.options;
	}

	/** Stops the services (API first, so that nothing new is accepted), the simulator and the infrastructure. */
	@Override
	public void close() {
		List<ServiceKind> order = new ArrayList<>(this.services.keySet());
		Collections.reverse(order);
		order.remove(ServiceKind.API);
		order.add(0, ServiceKind.API);
		for (ServiceKind kind : order) {
			ConfigurableApplicationContext context = this.services.remove(kind);
			if (context != null) {
				try {
					context.close();
				}
				catch (RuntimeException ex) {
					log.warn("Could not stop {} cleanly", kind.serviceName(), ex);
				}
			}
		}
		if (this.simulator != null) {
			this.simulator.close();
		}
		if (this.modems != null) {
			this.modems.close();
		}
		this.infrastructure.close();
	}

}
