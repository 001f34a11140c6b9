package io.smsgw.modem.sim;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by {@code socat}: two link paths joined like the two ends of a
 * serial cable.
 */
public final class PtyPair implements AutoCloseable {

	private final Process process;

	private final Path directory;

	private PtyPair(Process process, Path directory) {
		this.process = process;
		this.directory = directory;
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

	/** Starts socat and waits until both link paths exist. */
	public static PtyPair start() throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("modem-pty");
		Process process = new ProcessBuilder("socat", "-d", "-d",
				"pty,raw,echo=0,link=" + directory.resolve("connector"), "pty,raw,echo=0,link=" + directory.resolve("modem"))
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("socat.log").toFile())
			.start();
		PtyPair pair = new PtyPair(process, directory);
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!(Files.exists(directory.resolve("connector")) && Files.exists(directory.resolve("modem")))) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				pair.close();
				throw new IOException("socat made no pty pair in " + directory);
			}
			Thread.sleep(20);
		}
		return pair;
	}

	/** The end the connector opens. */
	public String connectorSide() {
		return this.directory.resolve("connector").toString();
	}

	/** The end the simulated modem opens. */
	public String modemSide() {
		return this.directory.resolve("modem").toString();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (var files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(this.directory);
		}
		catch (IOException ex) {
			// a temp directory left behind
		}
	}

}
