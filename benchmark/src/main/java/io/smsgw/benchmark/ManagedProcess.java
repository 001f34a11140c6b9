package io.smsgw.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process the benchmark started (a service JVM, the Kafka broker), with its output in a
 * log file. {@link #close()} asks it to stop (SIGTERM, so that services shut down gracefully and
 * JFR writes its recording), then kills it if it does not stop in time.
 */
public final class ManagedProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

	private final String name;

	private final Process process;

	private final Path logFile;

	private final List<String> command;

	private final long startedMicros = Clocks.nowMicros();

	private ManagedProcess(String name, Process process, Path logFile, List<String> command) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.command = List.copyOf(command);
	}

	/** Starts a command with its output (stdout and stderr) appended to {@code logFile}. */
	public static ManagedProcess start(String name, List<String> command, Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			log.debug("Starting {}: {}", name, command);
			return new ManagedProcess(name, builder.start(), logFile, command);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	/** When this process was launched (epoch µs). */
	public long startedMicros() {
		return this.startedMicros;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path logFile() {
		return this.logFile;
	}

	/** CPU and peak memory now. */
	public ProcessStats stats() {
		return ProcessStats.of(pid());
	}

	/** Waits for the process to end by itself (e.g. a tool) and returns its exit code. */
	public int waitFor(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException(this.name + " did not finish within " + seconds + " s; see " + this.logFile);
		}
		return this.process.exitValue();
	}

	/** The last lines of its log, to tell why it failed. */
	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Kills it at once (SIGKILL, as {@code kill -9}: no shutdown hook, no graceful shutdown) and waits until it is gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " still alive 30 s after SIGKILL");
		}
	}

	/** Starts the same command again, its output appended to the same log file (after {@link #kill()}). */
	public ManagedProcess restarted() {
		return start(this.name, this.command, this.logFile);
	}

	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				log.warn("{} did not stop within 30 s; killing it", this.name);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
