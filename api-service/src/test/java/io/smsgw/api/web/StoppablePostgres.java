package io.smsgw.api.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of one test class alone (zonky binaries) that the test can stop as a crash
 * would ({@code pg_ctl stop -m immediate}) and start again on the same port and data directory.
 */
final class StoppablePostgres implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final Path data;

	private final Path logFile;

	private StoppablePostgres(EmbeddedPostgres postgres, Path data) {
		this.postgres = postgres;
		this.data = data;
		this.logFile = data.resolveSibling("pg_ctl.log");
	}

	static StoppablePostgres start() throws IOException {
		Path dir = Files.createTempDirectory("api-outage-pg");
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			// durable as in production (zonky turns these off for speed): a message answered 202
			// before the crash must still be there after it
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		return new StoppablePostgres(postgres, data);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	void stopNow() throws IOException, InterruptedException {
		pgCtl("stop", "-D", this.data.toString(), "-m", "immediate", "-w", "-t", "60");
	}

	void startAgain() throws IOException, InterruptedException {
		List<String> options = new ArrayList<>();
		Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(postmasterOptions());
		while (quoted.find()) {
			options.add(quoted.group(1));
		}
		int d = options.indexOf("-D");
		if (d >= 0) {
			options.subList(d, d + 2).clear();
		}
		pgCtl("start", "-D", this.data.toString(), "-w", "-t", "120", "-l", this.logFile.toString(), "-o",
				String.join(" ", options));
	}

	private String postmasterOptions() throws IOException {
		return Files.readString(this.data.resolve("postmaster.opts")).strip();
	}

	private void pgCtl(String... args) throws IOException, InterruptedException {
		String postgresBinary = postmasterOptions().split(" ", 2)[0];
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// pg_ctl refuses to run as root: as zonky does, run it in a user namespace
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(Path.of(postgresBinary).resolveSibling("pg_ctl").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
			.start();
		if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("pg_ctl " + args[0] + " failed: " + Files.readString(this.logFile));
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
