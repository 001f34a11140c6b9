package io.smsgw.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven, started by zonky as its own process tree) on
 * 127.0.0.1, durable settings as in production (fsync, synchronous commit). Each service migrates
 * its own schema ({@code api}, {@code router}, {@code dlr}, {@code webhook}) with Flyway, as in
 * the local stack.
 */
public final class Database implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Database.class);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private Database(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	public static Database start(Path directory) {
		return start(directory, false);
	}

	/**
	 * @param statements load {@code pg_stat_statements} (see {@link PgStatements}), at a cost of a few per cent of
	 * the server's CPU
	 */
	public static Database start(Path directory, boolean statements) {
		Path data = directory.resolve("postgres");
		try {
			Files.createDirectories(data);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (statements) {
				// and the plans of statements slower than 50 ms, in the server's log (<work dir>/logs/postgresql.log)
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
					.setServerConfig("pg_stat_statements.track", "all")
					.setServerConfig("auto_explain.log_min_duration", "50ms")
					.setServerConfig("auto_explain.log_analyze", "on")
					.setServerConfig("auto_explain.log_buffers", "on")
					.setServerConfig("auto_explain.log_timing", "off")
					.setServerConfig("logging_collector", "on")
					.setServerConfig("log_directory", directory.resolve("logs").toAbsolutePath().toString())
					.setServerConfig("log_filename", "postgresql.log");
			}
			EmbeddedPostgres postgres = builder
				.setDataDirectory(data)
				.setCleanDataDirectory(true)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("shared_buffers", "128MB")
				.start();
			Database database = new Database(postgres, data);
			log.info("PostgreSQL (pid {}) up on 127.0.0.1:{}", database.pid(), postgres.getPort());
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL", ex);
		}
	}

	/** The directory the server's data directory is in (the benchmark's work directory). */
	public Path workDirectory() {
		return this.dataDirectory.getParent();
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	public String password() {
		return "postgres";
	}

	/** The postmaster's pid (first line of postmaster.pid), or -1. */
	public long pid() {
		try {
			return Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** CPU of the postmaster and all its backends (also those gone), and the sum of their peak RSS. */
	public ProcessStats stats() {
		long pid = pid();
		return (pid > 0) ? ProcessStats.ofTree(pid) : ProcessStats.NONE;
	}

	/**
	 * Stops the server as a crash would ({@code pg_ctl stop -m immediate}: no checkpoint, every
	 * connection cut); {@link #startAgain} starts it on the same port and data directory.
	 */
	public void stopNow(Path logFile) throws IOException, InterruptedException {
		pgCtl(logFile, "stop", "-D", this.dataDirectory.toString(), "-m", "immediate", "-w", "-t", "60");
	}

	/** Starts the server again after {@link #stopNow}, with the options it ran with (postmaster.opts); waits until it accepts connections. */
	public void startAgain(Path logFile) throws IOException, InterruptedException {
		List<String> options = new ArrayList<>();
		Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(postmasterOptions());
		while (quoted.find()) {
			options.add(quoted.group(1));
		}
		int d = options.indexOf("-D");
		if (d >= 0) {
			options.subList(d, d + 2).clear();
		}
		pgCtl(logFile, "start", "-D", this.dataDirectory.toString(), "-w", "-t", "120", "-l", logFile.toString(), "-o",
				String.join(" ", options));
		log.info("PostgreSQL restarted (pid {}) on 127.0.0.1:{}", pid(), this.postgres.getPort());
	}

	private String postmasterOptions() throws IOException {
		return Files.readString(this.dataDirectory.resolve("postmaster.opts")).strip();
	}

	private void pgCtl(Path logFile, String... args) throws IOException, InterruptedException {
		String postgresBinary = postmasterOptions().split(" ", 2)[0];
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// pg_ctl refuses to run as root: as zonky does, run it in a user namespace where we are not
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(Path.of(postgresBinary).resolveSibling("pg_ctl").toString());
		command.addAll(List.of(args));
		Files.createDirectories(logFile.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("pg_ctl " + args[0] + " failed; see " + logFile);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop PostgreSQL", ex);
		}
	}

}
