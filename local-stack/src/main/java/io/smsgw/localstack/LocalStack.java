package io.smsgw.localstack;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * Starts the whole gateway on one machine without Docker: {@code java -jar smsgw-local-stack.jar}.
 * Flags (or {@code SMSGW_*} environment variables): {@code --smsc-host}, {@code --smsc-port},
 * {@code --smsc-system-id}, {@code --smsc-password} to bind to a real SMSC instead of the
 * simulator; {@code --api-port}, {@code --base-port}, {@code --postgres-port},
 * {@code --simulator-port}, {@code --callback-port}; {@code --client-secret},
 * {@code --webhook-secret}. Ctrl-C stops it cleanly.
 */
public final class LocalStack {

	private LocalStack() {
	}

	public static void main(String[] args) throws Exception {
		LocalStackOptions options = LocalStackOptions.parse(args, System.getenv());
		CallbackInspector inspector = CallbackInspector.start(options.callbackPort(), System.out);
		GatewayStack stack = GatewayStack.start(options, Map.of());
		// Ctrl-C and SIGTERM stop the services first and the broker and database last; left to
		// the JVM's shutdown hooks, the embedded PostgreSQL and the broker's temporary directories
		// would go away while the services still use them.
		CountDownLatch stopRequested = new CountDownLatch(1);
		Signal.handle(new Signal("INT"), (signal) -> stopRequested.countDown());
		Signal.handle(new Signal("TERM"), (signal) -> stopRequested.countDown());
		printBanner(System.out, stack, inspector.url());
		stopRequested.await();
		System.out.println("Stopping the gateway…");
		stack.close();
		inspector.close();
		System.out.println("Stopped.");
		System.exit(0);
	}

	static void printBanner(PrintStream out, GatewayStack stack, String callbackUrl) {
		LocalStackOptions options = stack.options();
		String api = stack.apiUrl();
		String smsc = options.usesRealSmsc()
				? "%s:%d as %s".formatted(options.smscHost(), options.smscPort(), options.smscSystemId())
				: "simulator on 127.0.0.1:%d (receipts after 500 ms)".formatted(stack.simulator().port());
		out.printf("""

				=====================================================================
				 smsgw local stack is up
				   API          %s
				   tenant       %s
				   client       %s  (secret: %s)
				   SMSC         %s
				   Kafka        %s
				   PostgreSQL   %s
				   callbacks    %s  (printed here; signing secret: %s)

				 1. Get a token:
				   TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials \\
				     -d scope='messages:send messages:read' %s/oauth2/token \\
				     | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')

				 2. Send a message:
				   curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
				     -d '{"to":"+4915123456789","from":"ACME","body":"Hello from smsgw","callbackUrl":"%s"}' \\
				     %s/v1/messages

				 3. Read its status (use the id from step 2):
				   curl -s -H "Authorization: Bearer $TOKEN" %s/v1/messages/<id>

				 Ctrl-C stops everything.
				=====================================================================
				""", api, LocalStackOptions.TENANT, LocalStackOptions.CLIENT_ID, options.clientSecret(), smsc,
				stack.infrastructure().kafkaBootstrapServers(), stack.infrastructure().jdbcUrl(), callbackUrl,
				options.webhookSecret(), LocalStackOptions.CLIENT_ID, options.clientSecret(), api, callbackUrl, api,
				api);
	}

}
