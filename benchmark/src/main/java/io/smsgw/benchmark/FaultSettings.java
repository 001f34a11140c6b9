package io.smsgw.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * What a fault run does, from {@code --flags} (see {@link #usage()}).
 *
 * @param scenarios the scenarios, run in this order on one suite
 * @param rate single sends a second during each scenario
 * @param clients concurrent HTTP clients of the load
 * @param leadSeconds load before the fault
 * @param trailSeconds load after the recovery step
 * @param boundSeconds longest wait, from the end of the recovery step, for every final status
 * @param smscOutageSeconds how long the SMSC refuses binds in {@code smsc-outage}
 * @param receiverOutageSeconds how long the webhook receiver refuses connections in {@code receiver-outage}
 * @param brokerDownSeconds pause between the broker's kill and its restart
 * @param databaseDownSeconds pause between PostgreSQL's stop and its start
 * @param restartTimeoutSeconds longest wait for a restarted service to be ready
 * @param sessionTimeoutMs the services' Kafka consumer session timeout: how soon a killed instance's partitions move
 * @param modemRate single sends a second in {@code modem-vanish} (to the modem rack)
 * @param modemAwaySeconds how long the vanished modem's port stays away in {@code modem-vanish}
 * @param serviceHeap -Xmx of each service JVM
 * @param kafkaHeap -Xmx of the broker
 * @param output the JSON report
 * @param workDirectory logs and data ({@code null}: a temporary directory)
 * @param root the project root, holding the services' exec jars
 */
public record FaultSettings(List<FaultScenario> scenarios, int rate, int clients, int leadSeconds, int trailSeconds,
		int boundSeconds, int smscOutageSeconds, int receiverOutageSeconds, int brokerDownSeconds,
		int databaseDownSeconds, int restartTimeoutSeconds, int sessionTimeoutMs, int modemRate, int modemAwaySeconds,
		String serviceHeap, String kafkaHeap, Path output, Path workDirectory, Path root) {

	/** The documented run: every scenario, 100 msg/s, a 60 s SMSC outage, a 3-minute receiver outage. */
	public static FaultSettings defaults() {
		return new FaultSettings(List.of(FaultScenario.values()), 100, 32, 10, 10, 180, 60, 180, 10, 10, 600, 10_000, 5,
				20, "384m", "512m", Path.of("fault-result.json"), null, Path.of("."));
	}

	/** Parses {@code --name value} flags over the defaults. */
	public static FaultSettings parse(String[] args) {
		FaultSettings s = defaults();
		for (int i = 0; i < args.length; i++) {
			String flag = args[i];
			if ("--help".equals(flag) || "-h".equals(flag) || i + 1 >= args.length) {
				throw new IllegalArgumentException(usage());
			}
			String v = args[++i];
			FaultSettings o = s;
			s = switch (flag) {
				case "--scenario" -> new FaultSettings(FaultScenario.parse(v), o.rate, o.clients, o.leadSeconds,
						o.trailSeconds, o.boundSeconds, o.smscOutageSeconds, o.receiverOutageSeconds,
						o.brokerDownSeconds, o.databaseDownSeconds, o.restartTimeoutSeconds, o.sessionTimeoutMs,
						o.modemRate, o.modemAwaySeconds, o.serviceHeap, o.kafkaHeap, o.output, o.workDirectory, o.root);
				case "--rate" -> o.with(0, Integer.parseInt(v));
				case "--clients" -> o.with(1, Integer.parseInt(v));
				case "--lead-seconds" -> o.with(2, Integer.parseInt(v));
				case "--trail-seconds" -> o.with(3, Integer.parseInt(v));
				case "--bound-seconds" -> o.with(4, Integer.parseInt(v));
				case "--outage-seconds" -> o.with(5, Integer.parseInt(v));
				case "--receiver-outage-seconds" -> o.with(6, Integer.parseInt(v));
				case "--broker-down-seconds" -> o.with(7, Integer.parseInt(v));
				case "--database-down-seconds" -> o.with(8, Integer.parseInt(v));
				case "--restart-timeout" -> o.with(9, Integer.parseInt(v));
				case "--session-timeout-ms" -> o.with(10, Integer.parseInt(v));
				case "--modem-rate" -> o.with(11, Integer.parseInt(v));
				case "--modem-away-seconds" -> o.with(12, Integer.parseInt(v));
				case "--service-heap" -> new FaultSettings(o.scenarios, o.rate, o.clients, o.leadSeconds, o.trailSeconds,
						o.boundSeconds, o.smscOutageSeconds, o.receiverOutageSeconds, o.brokerDownSeconds,
						o.databaseDownSeconds, o.restartTimeoutSeconds, o.sessionTimeoutMs, o.modemRate, o.modemAwaySeconds, v,
						o.kafkaHeap, o.output,
						o.workDirectory, o.root);
				case "--kafka-heap" -> new FaultSettings(o.scenarios, o.rate, o.clients, o.leadSeconds, o.trailSeconds,
						o.boundSeconds, o.smscOutageSeconds, o.receiverOutageSeconds, o.brokerDownSeconds,
						o.databaseDownSeconds, o.restartTimeoutSeconds, o.sessionTimeoutMs, o.modemRate, o.modemAwaySeconds,
						o.serviceHeap, v, o.output,
						o.workDirectory, o.root);
				case "--output", "--work-dir", "--root" -> o.withPath(flag, Path.of(v));
				default -> throw new IllegalArgumentException("Unknown flag " + flag + "\n" + usage());
			};
		}
		return s;
	}

	/** A copy with the integer setting number {@code index} (rate = 0 … modemAwaySeconds = 12) changed. */
	FaultSettings with(int index, int value) {
		if (value < 0 || (value == 0 && (index < 2 || index == 11))) {
			throw new IllegalArgumentException("Not a valid value: " + value);
		}
		int[] n = { this.rate, this.clients, this.leadSeconds, this.trailSeconds, this.boundSeconds,
				this.smscOutageSeconds, this.receiverOutageSeconds, this.brokerDownSeconds, this.databaseDownSeconds,
				this.restartTimeoutSeconds, this.sessionTimeoutMs, this.modemRate, this.modemAwaySeconds };
		n[index] = value;
		return new FaultSettings(this.scenarios, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11],
				n[12], this.serviceHeap, this.kafkaHeap, this.output, this.workDirectory, this.root);
	}

	private FaultSettings withPath(String flag, Path path) {
		return new FaultSettings(this.scenarios, this.rate, this.clients, this.leadSeconds, this.trailSeconds,
				this.boundSeconds, this.smscOutageSeconds, this.receiverOutageSeconds, this.brokerDownSeconds,
				this.databaseDownSeconds, this.restartTimeoutSeconds, this.sessionTimeoutMs, this.modemRate,
				this.modemAwaySeconds, this.serviceHeap,
				this.kafkaHeap, "--output".equals(flag) ? path : this.output,
				"--work-dir".equals(flag) ? path : this.workDirectory, "--root".equals(flag) ? path : this.root);
	}

	static String usage() {
		return """
				Usage: java -cp benchmark/target/smsgw-benchmark.jar io.smsgw.benchmark.FaultRun [flags]
				  --scenario all|kill-api,kill-router,kill-connector,kill-dlr,kill-webhook,kafka-restart,
				             postgres-restart,smsc-drop,smsc-outage,receiver-outage,modem-vanish   (default all)
				  --rate N                       single sends a second during each scenario (100)
				  --clients N                    concurrent HTTP clients (32)
				  --lead-seconds N, --trail-seconds N   load before the fault, after the recovery (10, 10)
				  --bound-seconds N              every message final within N s after the recovery (180)
				  --outage-seconds N             SMSC outage (60)
				  --receiver-outage-seconds N    webhook receiver outage (180)
				  --broker-down-seconds N, --database-down-seconds N   (10, 10)
				  --restart-timeout N            longest wait for a restarted service (600)
				  --session-timeout-ms N         the services' Kafka consumer session timeout (10000)
				  --modem-rate N                 single sends a second to the modem rack in modem-vanish (5)
				  --modem-away-seconds N         how long the vanished modem stays unplugged (20)
				  --service-heap, --kafka-heap   (384m, 512m)
				  --output FILE (fault-result.json), --work-dir DIR (a temp dir), --root DIR (.)
				""";
	}

}
