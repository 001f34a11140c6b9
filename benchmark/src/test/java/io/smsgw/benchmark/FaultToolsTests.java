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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), link.port()).close());
			link.up();
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
				client.getOutputStream().write("again".getBytes());
				assertThat(client.getInputStream().readNBytes(5)).isEqualTo("again".getBytes());
			}
			assertThat(link.connections()).isEqualTo(2);
		}
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
		assertThat(FaultSettings.defaults().scenarios()).hasSize(10);
		assertThat(FaultScenario.parse("all")).hasSize(10);
		assertThat(FaultScenario.values()).extracting(FaultScenario::id)
			.containsAll(List.of("kill-api", "kill-connector", "kafka-restart", "postgres-restart", "receiver-outage"));
		assertThatIllegalArgumentException().isThrownBy(() -> FaultSettings.parse(new String[] { "--scenario", "kill-all" }))
			.withMessageContaining("kill-all");
		assertThatIllegalArgumentException().isThrownBy(() -> FaultSettings.parse(new String[] { "--rate", "0" }));
	}

}
