package io.smsgw.localstack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the local stack runs, from {@code --flags} or environment variables ({@code --smsc-host} or
 * {@code SMSGW_SMSC_HOST}). Without an SMSC host the built-in SMSC simulator is used.
 *
 * @param apiPort port of the REST API
 * @param basePort first port of the other services (router +1, smpp +2, modem +3, dlr +4, webhook +5);
 * 0 gives every service a free port
 * @param postgresPort port of the embedded PostgreSQL (0 for any)
 * @param simulatorPort port of the SMSC simulator (0 for any)
 * @param callbackPort port of the callback inspector that prints received webhooks (0 for any)
 * @param smscHost a real SMSC's host, or {@code null} for the simulator
 * @param smscPort a real SMSC's port
 * @param smscSystemId the system_id to bind with
 * @param smscPassword the password to bind with
 * @param clientSecret the seeded API client's secret
 * @param webhookSecret the seeded tenant's webhook signing secret
 */
public record LocalStackOptions(int apiPort, int basePort, int postgresPort, int simulatorPort,
		int callbackPort, String smscHost, int smscPort, String smscSystemId, String smscPassword, String clientSecret,
		String webhookSecret) {

	/** The tenant seeded in the local stack. */
	public static final String TENANT = "demo";

	/** The API client seeded in the local stack. */
	public static final String CLIENT_ID = "demo-client";

	/** The connector id of the SMSC the local stack binds to. */
	public static final String CONNECTOR = "smsc-local";

	/** The connector id of the simulated modem rack. */
	public static final String MODEM_RACK = "modem-rack";

	/** Destinations starting with these E.164 digits go to the modem rack (a UK mobile range). */
	public static final String MODEM_PREFIX = "447911";

	/** Options for tests: every port free, the simulator, fixed secrets. */
	public static LocalStackOptions forTests() {
		return new LocalStackOptions(0, 0, 0, 0, 0, null, 0, "smsgw", "secret", "demo-secret",
				"whsec-demo");
	}

	/** Options from command-line flags, then environment variables, then defaults. */
	public static LocalStackOptions parse(String[] args, Map<String, String> environment) {
		Map<String, String> flags = new HashMap<>();
		Arrays.stream(args).filter((arg) -> arg.startsWith("--") && arg.contains("=")).forEach((arg) -> {
			int eq = arg.indexOf('=');
			flags.put(arg.substring(2, eq), arg.substring(eq + 1));
		});
		Settings settings = new Settings(flags, environment);
		return new LocalStackOptions(settings.integer("api-port", 8080), settings.integer("base-port", 8080),
				settings.integer("postgres-port", 5433),
				settings.integer("simulator-port", 2775), settings.integer("callback-port", 8099),
				settings.text("smsc-host", null), settings.integer("smsc-port", 2775),
				settings.text("smsc-system-id", "smsgw"), settings.text("smsc-password", "secret"),
				settings.text("client-secret", "demo-secret"), settings.text("webhook-secret", "whsec-demo"));
	}

	/** Whether the stack binds to a real SMSC instead of its simulator. */
	public boolean usesRealSmsc() {
		return this.smscHost != null && !this.smscHost.isBlank();
	}

	/** The port of a service other than the API, or 0 for a free one. */
	public int servicePort(int offset) {
		return (this.basePort == 0) ? 0 : this.basePort + offset;
	}

	private record Settings(Map<String, String> flags, Map<String, String> environment) {

		String text(String name, String fallback) {
			String value = this.flags.get(name);
			if (value == null) {
				value = this.environment.get("SMSGW_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			return (value != null) ? value : fallback;
		}

		int integer(String name, int fallback) {
			String value = text(name, null);
			try {
				return (value != null) ? Integer.parseInt(value.trim()) : fallback;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " must be a number, was " + value, ex);
			}
		}

	}

}
