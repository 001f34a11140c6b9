package io.smsgw.simulator.modem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by {@code socat}: two link paths joined like the two ends of a
 * serial cable. {@link #unplug()} kills socat (both ends vanish, as a USB modem pulled out),
 * {@link #plug()} makes a new pair at the same paths.
 */
public final class PtyPair implements AutoCloseable {

	private final Path directory;

	private final String name;

	private volatile Process process;

	private PtyPair(Path directory, String name) {
		this.directory = directory;
		this.name = name;
	}

	/** Whether {@code socat} is on the path. */
	public static boolean socatAvailable() {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, "socat"))) {
				return true;
			}
		}
		return false;
	}

	/** Starts socat in a new temporary directory and waits until both link paths exist. */
	public static PtyPair start() throws IOException {
		return start(Files.createTempDirectory("modem-pty"), "modem");
	}

	/** Starts socat with links {@code <name>-connector} and {@code <name>-modem} in {@code directory}. */
	public static PtyPair start(Path directory, String name) throws IOException {
		PtyPair pair = new PtyPair(directory, name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			Process current = pair.process;
			if (current != null) {
				current.destroy();
			}
		}, "socat-stop"));
		pair.plug();
		return pair;
	}

	/** Makes the pair (again) at the same paths; does nothing when it is there. */
	public synchronized void plug() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		Process started = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + connectorSide(),
				"pty,raw,echo=0,link=" + modemSide())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve(this.name + "-socat.log").toFile()))
			.start();
		this.process = started;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!(Files.exists(Path.of(connectorSide())) && Files.exists(Path.of(modemSide())))) {
			if (System.nanoTime() > deadline || !started.isAlive()) {
				unplug();
				throw new IOException("socat made no pty pair in " + this.directory);
			}
			sleep(10);
		}
	}

	/** Kills socat: both ends vanish, as when a USB modem is pulled out. */
	public synchronized void unplug() {
		Process current = this.process;
		this.process = null;
		if (current != null) {
			current.destroy();
			try {
				if (!current.waitFor(5, TimeUnit.SECONDS)) {
					current.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			Files.deleteIfExists(Path.of(connectorSide()));
			Files.deleteIfExists(Path.of(modemSide()));
		}
		catch (IOException ex) {
			// socat removes its links itself
		}
	}

	/** Whether socat runs. */
	public boolean isPlugged() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/** The end the connector opens. */
	public String connectorSide() {
		return this.directory.resolve(this.name + "-connector").toString();
	}

	/** The end the simulated modem opens. */
	public String modemSide() {
		return this.directory.resolve(this.name + "-modem").toString();
	}

	@Override
	public void close() {
		unplug();
		try {
			Files.deleteIfExists(this.directory.resolve(this.name + "-socat.log"));
			try (var files = Files.list(this.directory)) {
				if (files.findAny().isEmpty()) {
					Files.deleteIfExists(this.directory);
				}
			}
		}
		catch (IOException ex) {
			// a temp directory left behind
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
