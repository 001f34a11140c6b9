package io.smsgw.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tools of the fault run, each against the real thing: the SMSC link, the webhook receiver's outage, a PostgreSQL restart, the flags. */
class FaultToolsTests {

	@Test
	void theSmscLinkRelaysCutsAndRefusesUntilUpAgain() throws Exception {
		try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); SmscLink link = SmscLink.start(echo.getLocalPort())) {
			Thread server = new Thread(() -> {
				while (!echo.isClosed()) {
					try {
						Socket s = echo.accept();
						new Thread(() -> {
							try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
								in.transferTo(out);
							}
							catch (IOException ex) {
								// cut
							}
						}).start();
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			server.setDaemon(true);
			server.start();
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
				client.getOutputStream().write("bind".getBytes());
				assertThat(client.getInputStream().readNBytes(4)).isEqualTo("bind".getBytes());
				link.cut();
				client.setSoTimeout(5000);
				assertThat(readOrEnd(client)).as("read after the cut").isEqualTo(-1);
			}
			link.down();
			assertThat(reachesTheSmsc(link.port())).as("a connect while the link is down reaches the SMSC").isFalse();
			link.up();
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
				client.getOutputStream().write("again".getBytes());
				assertThat(client.getInputStream().readNBytes(5)).isEqualTo("again".getBytes());
			}
			assertThat(link.connections()).isEqualTo(2);
		}
	}

	/**
	 * Whether bytes written to the port come back from the echoing SMSC behind the link. A connect
	 * is normally refused while the link is down; on a loopback port nothing listens on, Linux may
	 * also connect the client to itself (its own port: a self-connection, which would echo too), and
	 * CI once saw a connect succeed that was neither. What matters to a fault run is that nothing
	 * reaches the SMSC, so that is what is checked (and the link's count of connections, by the caller).
	 */
	private static boolean reachesTheSmsc(int port) {
		for (int attempt = 0; attempt < 5; attempt++) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				if (socket.getLocalPort() == socket.getPort()) {
					continue;
				}
				socket.setSoTimeout(1000);
				socket.getOutputStream().write("ping".getBytes());
				return Arrays.equals(socket.getInputStream().readNBytes(4), "ping".getBytes());
			}
			catch (IOException ex) {
				// refused, reset or silent: not the SMSC
				return false;
			}
		}
		return false;
	}

	private static int readOrEnd(Socket socket) {
		try {
			return socket.getInputStream().read();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Test
	void theWebhookReceiverRefusesWhileStoppedAndCountsRepeatsAfterItsRestart() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			String callback = "{\"eventId\":\"e1\",\"messageId\":\"m1\",\"status\":\"delivered\"}";
			HttpRequest post = HttpRequest.newBuilder(URI.create(receiver.url())).POST(BodyPublishers.ofString(callback)).build();
			assertThat(http.send(post, BodyHandlers.discarding()).statusCode()).isEqualTo(204);
			receiver.stop();
			assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> http.send(post, BodyHandlers.discarding()));
			receiver.restart();
			assertThat(http.send(post, BodyHandlers.discarding()).statusCode()).isEqualTo(204);
			assertThat(receiver.of("m1").count()).isEqualTo(2);
			assertThat(receiver.of("m1").repeated()).isEqualTo(1);
			assertThat(receiver.repeats()).singleElement().satisfies((r) -> {
				assertThat(r.eventId()).isEqualTo("e1");
				assertThat(r.count()).isEqualTo(2);
				assertThat(r.firstMicros()).isLessThan(r.lastMicros());
			});
		}
	}

	@Test
	void postgresqlRestartsOnItsPortWithItsCommittedData(@TempDir Path work) throws Exception {
		try (Database database = Database.start(work)) {
			try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres"); Statement s = c.createStatement()) {
				s.execute("create table kept (id int); insert into kept values (42)");
			}
			Path log = work.resolve("restart.log");
			database.stopNow(log);
			assertThatExceptionOfType(java.sql.SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close());
			database.startAgain(log);
			try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
					Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select id from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
				assertThat(s.getConnection().createStatement().executeQuery("show fsync")).satisfies((r) -> {
					assertThat(r.next()).isTrue();
					assertThat(r.getString(1)).isEqualTo("on");
				});
			}
			assertThat(Files.readString(log)).contains("database system is ready to accept connections");
		}
	}

	@Test
	void flagsNameTheScenariosAndDurations() {
		FaultSettings settings = FaultSettings.parse(new String[] { "--scenario", "kill-router,smsc-outage",
				"--outage-seconds", "20", "--rate", "150", "--receiver-outage-seconds", "30", "--work-dir", "/tmp/x" });
		assertThat(settings.scenarios()).containsExactly(FaultScenario.KILL_ROUTER, FaultScenario.SMSC_OUTAGE);
		assertThat(settings.smscOutageSeconds()).isEqualTo(20);
		assertThat(settings.receiverOutageSeconds()).isEqualTo(30);
		assertThat(settings.rate()).isEqualTo(150);
		assertThat(settings.workDirectory()).isEqualTo(Path.of("/tmp/x"));
		assertThat(FaultSettings.defaults().scenarios()).hasSize(11);
		assertThat(FaultScenario.parse("all")).hasSize(11);
		assertThat(FaultScenario.values()).extracting(FaultScenario::id)
			.containsAll(List.of("kill-api", "kill-connector", "kafka-restart", "postgres-restart", "receiver-outage",
					"modem-vanish"));
		assertThatIllegalArgumentException().isThrownBy(() -> FaultSettings.parse(new String[] { "--scenario", "kill-all" }))
			.withMessageContaining("kill-all");
		assertThatIllegalArgumentException().isThrownBy(() -> FaultSettings.parse(new String[] { "--rate", "0" }));
	}

	@Test
	void theModemScenarioHasItsOwnRateAndPrefix() {
		FaultSettings settings = FaultSettings.parse(new String[] { "--scenario", "modem-vanish", "--modem-rate", "3",
				"--modem-away-seconds", "12", "--rate", "40" });
		assertThat(settings.scenarios()).containsExactly(FaultScenario.MODEM_VANISH);
		assertThat(settings.modemRate()).isEqualTo(3);
		assertThat(settings.modemAwaySeconds()).isEqualTo(12);
		assertThat(settings.rate()).isEqualTo(40);
		assertThat(FaultSettings.defaults().modemRate()).isEqualTo(5);
		assertThat(FaultScenario.MODEM_VANISH.usesModems()).isTrue();
		assertThat(FaultScenario.SMSC_DROP.usesModems()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> FaultSettings.parse(new String[] { "--modem-rate", "0" }));
		// its messages, numbered from (ordinal + 1) × SEQ_BLOCK, all start with the rack's route prefix; no other scenario's do
		String prefix = FaultRun.modemPrefix(FaultScenario.MODEM_VANISH);
		long first = (FaultScenario.MODEM_VANISH.ordinal() + 1) * FaultRun.SEQ_BLOCK;
		assertThat(prefix).isEqualTo("4915111");
		assertThat(LoadDriver.destination(first)).startsWith(prefix);
		assertThat(LoadDriver.destination(first + FaultRun.SEQ_BLOCK - 1)).startsWith(prefix);
		assertThat(LoadDriver.destination(first - 1)).doesNotStartWith(prefix);
		assertThat(LoadDriver.destination(first + FaultRun.SEQ_BLOCK)).doesNotStartWith(prefix);
	}

	@Test
	void theModemConnectorsFiguresAreReadFromItsPrometheusText() {
		String text = """
				# TYPE sms_modem_modems_up gauge
				sms_modem_modems_up{application="modem-connector-service",rack="modems-bench"} 2.0
				sms_modem_sends_total{application="modem-connector-service",modem="modem-1",outcome="requeued",rack="modems-bench"} 3.0
				sms_modem_sends_total{application="modem-connector-service",modem="modem-1",outcome="sent",rack="modems-bench"} 17.0
				sms_modem_sends_total{application="modem-connector-service",modem="modem-2",outcome="sent",rack="modems-bench"} 21.0
				""";
		assertThat(ModemScrape.modemsUp(text, "modems-bench")).isEqualTo(2);
		assertThat(ModemScrape.modemsUp(text, "other")).isZero();
		assertThat(ModemScrape.sends(text)).containsEntry("modem-1|requeued", 3.0)
			.containsEntry("modem-1|sent", 17.0)
			.containsEntry("modem-2|sent", 21.0)
			.hasSize(3);
	}

	@Test
	void theModemRigPointsTheConnectorAtItsPtysAndSeedsAnAdminClient() {
		assumeTrue(ModemRig.available(), "socat is not installed");
		try (ModemRig rig = ModemRig.start(new ModemRig.Plan(2, Duration.ofSeconds(1), "4915111"))) {
			Map<String, Object> connector = rig.connectorProperties();
			assertThat(connector).containsEntry("sms.modem.racks[0].id", ModemRig.RACK)
				.containsEntry("sms.modem.racks[0].modems[1].id", "modem-2");
			for (int i = 0; i < 2; i++) {
				assertThat(Path.of((String) connector.get("sms.modem.racks[0].modems[" + i + "].port"))).exists();
			}
			assertThat(rig.apiProperties()).containsEntry("sms.api.seed.tenants[0].scopes[0]", "admin")
				.containsKey("sms.api.seed.tenants[0].client-secret");
			assertThat(rig.submittedDestinations()).isEmpty();
			assertThat(rig.submitsPerModem()).containsExactly(0, 0);
		}
	}

}
