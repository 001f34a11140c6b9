package io.smsgw.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The faults a fault run injects into a running suite, each while a steady load runs. A kill is
 * {@code kill -9} of the process followed at once by its restart (same command line, port and
 * log file): the time the JVM takes to start is the time the service is missing.
 */
public enum FaultScenario {

	/** kill -9 of api-service, then restart. */
	KILL_API("api-service"),

	/** kill -9 of router-service, then restart. */
	KILL_ROUTER("router-service#1"),

	/** kill -9 of smpp-connector-service with submits in flight, then restart. */
	KILL_CONNECTOR("smpp-connector-service#1"),

	/** kill -9 of dlr-service, then restart. */
	KILL_DLR("dlr-service"),

	/** kill -9 of webhook-service with callbacks in flight, then restart. */
	KILL_WEBHOOK("webhook-service"),

	/** kill -9 of the Kafka broker, restart on the same port and log directory after a pause. */
	KAFKA_RESTART(null),

	/** PostgreSQL stopped as a crash would (immediate), started again on the same port and data after a pause. */
	POSTGRES_RESTART(null),

	/** every SMPP connection closed by the SMSC side at once, submits in flight; binds accepted again at once. */
	SMSC_DROP(null),

	/** connections closed and binds refused for the outage, then accepted again. */
	SMSC_OUTAGE(null),

	/** the tenant's webhook endpoint refusing connections for the receiver outage, then back. */
	RECEIVER_OUTAGE(null),

	/**
	 * a modem of the rack (modem-connector-service as its own JVM, simulated modems on ptys) loses
	 * its serial port at an {@code AT+CMGS} (USB unplugged), the port comes back after the modem
	 * away time; the load goes to a destination prefix routed to the rack.
	 */
	MODEM_VANISH(null);

	private final String service;

	FaultScenario(String service) {
		this.service = service;
	}

	/** The scenario's command-line name, e.g. {@code kill-router}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The scenarios named in a comma-separated list, or all for {@code all}. */
	public static List<FaultScenario> parse(String names) {
		if ("all".equalsIgnoreCase(names)) {
			return List.of(values());
		}
		return Arrays.stream(names.split(","))
			.map(String::strip)
			.map((name) -> Arrays.stream(values())
				.filter((s) -> s.id().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + name + "'; one of all, "
						+ Arrays.stream(values()).map(FaultScenario::id).toList())))
			.toList();
	}

	/** Whether the scenario's messages go to the modem rack (which the suite must then have). */
	public boolean usesModems() {
		return this == MODEM_VANISH;
	}

	/** Whether the scenario kills webhook-service (whose crash may resend a callback already sent). */
	boolean killsWebhook() {
		return this == KILL_WEBHOOK;
	}

	/**
	 * Injects the fault and recovers from it; returns when the recovery step is done (the service
	 * ready again, the broker or database answering, the SMSC or the receiver listening again).
	 * @return a description of what was done
	 */
	String inject(Suite suite, FaultSettings settings, Path logs) throws Exception {
		switch (this) {
			case KAFKA_RESTART -> {
				suite.killKafka();
				Thread.sleep(settings.brokerDownSeconds() * 1000L);
				suite.restartKafka();
				return "kill -9 of the broker, " + settings.brokerDownSeconds() + " s down, restarted";
			}
			case POSTGRES_RESTART -> {
				Path log = logs.resolve("postgresql-restart.log");
				suite.database().stopNow(log);
				Thread.sleep(settings.databaseDownSeconds() * 1000L);
				suite.database().startAgain(log);
				return "pg_ctl stop -m immediate, " + settings.databaseDownSeconds() + " s down, started again";
			}
			case SMSC_DROP -> {
				// hold the answers for a moment so that the cut surely catches submits in flight
				suite.simulator().setResponseDelay(Duration.ofMillis(1500));
				Thread.sleep(1000);
				suite.link().cut();
				suite.simulator().setResponseDelay(Duration.ZERO);
				return "SMSC holding its answers 1.5 s, then every SMPP connection closed with submits in flight; "
						+ "binds accepted at once";
			}
			case SMSC_OUTAGE -> {
				suite.link().down();
				Thread.sleep(settings.smscOutageSeconds() * 1000L);
				suite.link().up();
				return "SMSC down (connections closed, binds refused) for " + settings.smscOutageSeconds() + " s";
			}
			case RECEIVER_OUTAGE -> {
				suite.receiver().stop();
				Thread.sleep(settings.receiverOutageSeconds() * 1000L);
				suite.receiver().restart();
				return "webhook receiver refusing connections for " + settings.receiverOutageSeconds() + " s";
			}
			case MODEM_VANISH -> {
				ModemRig modems = suite.modems();
				if (modems == null) {
					throw new IllegalStateException("The suite has no modem rack (is socat installed?)");
				}
				return modems.vanishMidSend(suite.service(ModemRig.CONNECTOR_LABEL).url(),
						Duration.ofSeconds(settings.restartTimeoutSeconds())).describe();
			}
			default -> {
				suite.kill(this.service);
				ServiceProcess again = suite.restart(this.service);
				again.awaitReady(HttpClient.newHttpClient(), Duration.ofSeconds(settings.restartTimeoutSeconds()));
				return "kill -9 of " + this.service + ", restarted at once";
			}
		}
	}

}
