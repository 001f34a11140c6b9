package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault scenarios CI runs, short, on one suite started as production runs it (a Kafka broker
 * process, PostgreSQL, one JVM per service, the SMSC behind a breakable link): kill -9 and restart
 * of each service, a broker restart, a PostgreSQL restart, the SMSC dropping its connections, an
 * SMSC outage of a minute and a webhook receiver outage of two minutes, each under a steady load
 * of single sends;
 * then a modem of a simulated rack (modem-connector-service as its own JVM) vanishing mid-send.
 * Each asserts: nothing accepted lost (every accepted message at the SMSC and called back
 * {@code delivered}), no event id called back twice (apart from a webhook-service crash's
 * redelivery, counted apart), every message final within the bound after the recovery.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

	private static FaultSettings settings;

	private static final List<FaultTally> tallies = new ArrayList<>();

	private static Suite suite;


	private static Path logs;

	@BeforeAll
	static void startSuite() throws Exception {
		Path root = Path.of(System.getProperty("smsgw.root", "..")).toAbsolutePath().normalize();
		Path lib = Path.of(System.getProperty("smsgw.benchmark.lib", "target/lib"));
		Path work = Files.createTempDirectory("smsgw-fault-it-");
		logs = work.resolve("logs");
		settings = FaultSettings.parse(new String[] { "--rate", "30", "--clients", "16", "--lead-seconds", "3",
				"--trail-seconds", "2", "--bound-seconds", "120", "--outage-seconds", "60", "--receiver-outage-seconds",
				"120", "--broker-down-seconds", "3", "--database-down-seconds", "3", "--restart-timeout", "600",
				"--modem-rate", "5", "--modem-away-seconds", "8",
				"--root", root.toString(), "--work-dir", work.toString() });
		suite = FaultRun.startSuite(settings, lib, work);
		FaultRun.warmUp(suite, settings);
	}

	@AfterAll
	static void stopSuite() {
		System.out.print(FaultRun.table(tallies));
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	@Order(1)
	void theSmscDroppingItsConnectionsMidWindowLosesNothing() throws Exception {
		FaultTally tally = run(FaultScenario.SMSC_DROP);
		assertThat(suite.link().connections()).as("binds after the drop").isGreaterThanOrEqualTo(2);
		// the submits cut in flight were sent again: the SMSC took them twice (at least once at the SMSC)
		assertThat(tally.submitsAtSmsc()).isGreaterThan(tally.accepted());
		assertThat(tally.submittedTwice()).isPositive();
	}

	@Test
	@Order(2)
	void anSmscOutageHoldsTheMessagesAndSendsThemAllAfterwards() throws Exception {
		run(FaultScenario.SMSC_OUTAGE);
	}

	@Test
	@Order(3)
	void aWebhookReceiverOutageDeliversEveryCallbackAfterwardsOnce() throws Exception {
		run(FaultScenario.RECEIVER_OUTAGE);
	}

	@Test
	@Order(4)
	void aPostgresqlRestartLosesNothing() throws Exception {
		run(FaultScenario.POSTGRES_RESTART);
	}

	@Test
	@Order(5)
	void aKafkaBrokerRestartLosesNothing() throws Exception {
		run(FaultScenario.KAFKA_RESTART);
	}

	@Test
	@Order(6)
	void killingTheApiLosesNothingItAccepted() throws Exception {
		FaultTally tally = run(FaultScenario.KILL_API);
		// the load went on while the API was gone: those requests got no answer and are not counted as accepted
		assertThat(tally.connectionErrors()).as("requests without an answer while the API was down").isNotEmpty();
		assertThat(tally.requests()).isGreaterThan(tally.accepted());
	}

	@Test
	@Order(7)
	void killingTheRouterLosesNothing() throws Exception {
		run(FaultScenario.KILL_ROUTER);
	}

	@Test
	@Order(8)
	void killingTheConnectorLosesNothing() throws Exception {
		run(FaultScenario.KILL_CONNECTOR);
	}

	@Test
	@Order(9)
	void killingTheDlrServiceLosesNothing() throws Exception {
		run(FaultScenario.KILL_DLR);
	}

	@Test
	@Order(10)
	void killingTheWebhookServiceLosesNothing() throws Exception {
		run(FaultScenario.KILL_WEBHOOK);
	}

	@Test
	@Order(11)
	void aModemVanishingMidSendLosesNothingAndTheOthersCarryTheTraffic() throws Exception {
		assumeTrue(suite.modems() != null, "socat is not installed: no modem rack");
		int before = suite.modems().submitsPerModem().stream().mapToInt(Integer::intValue).sum();
		FaultTally tally = run(FaultScenario.MODEM_VANISH);
		// every message went out through the modems, none to the SMSC
		assertThat(suite.modems().submitsPerModem().stream().mapToInt(Integer::intValue).sum() - before)
			.isGreaterThanOrEqualTo(tally.accepted());
		assertThat(tally.fault()).contains("moved off it").doesNotContain("; 0 moved off it");
		assertThat(tally.submittedTwice()).as("a send cut before the prompt goes out once").isZero();
	}

	private static FaultTally run(FaultScenario scenario) throws Exception {
		FaultTally tally = FaultRun.scenario(suite, scenario, settings, logs);
		tallies.add(tally);
		String table = FaultRun.table(List.of(tally));
		System.out.print(table);
		assertThat(tally.accepted()).as("accepted in %s", table).isGreaterThanOrEqualTo(10);
		assertThat(tally.problems()).as("problems in %s", table).isEmpty();
		assertThat(tally.passed()).isTrue();
		return tally;
	}

}
