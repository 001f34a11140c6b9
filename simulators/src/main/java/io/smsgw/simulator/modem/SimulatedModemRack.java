package io.smsgw.simulator.modem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A rack of simulated modems, each on its own socat pty pair: what the local stack and tests
 * point a modem connector at ({@link #port(int)}). A modem told to vanish ({@link
 * ModemControls#vanishOnNextSend()}) or {@link #unplug(int) unplugged} comes back at the same
 * path after the re-plug delay, or when {@link #plug(int) plugged}.
 */
public final class SimulatedModemRack implements AutoCloseable {

	private final Path directory;

	private final List<PtyPair> pairs = new ArrayList<>();

	private final List<ModemSimulator> modems = new ArrayList<>();

	private final List<PtyModemServer> servers = new ArrayList<>();

	private final Duration replugDelay;

	private SimulatedModemRack(Path directory, Duration replugDelay) {
		this.directory = directory;
		this.replugDelay = replugDelay;
	}

	/**
	 * Starts {@code count} modems with SIMs that take {@code pin} ({@code null}: no PIN), each
	 * answering message references from {@code 10 * (index + 1)}.
	 * @param replugDelay how long a vanished port stays away before it comes back on its own
	 * @throws IllegalStateException when socat is not installed
	 */
	public static SimulatedModemRack start(int count, String pin, Duration replugDelay) {
		if (!PtyPair.socatAvailable()) {
			throw new IllegalStateException("socat is not installed");
		}
		try {
			SimulatedModemRack rack = new SimulatedModemRack(Files.createTempDirectory("modem-rack"), replugDelay);
			for (int i = 0; i < count; i++) {
				rack.add(new ModemSimulator(pin, 10 * (i + 1)));
			}
			return rack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void add(ModemSimulator modem) throws IOException {
		int index = this.modems.size();
		PtyPair pair = PtyPair.start(this.directory, "modem" + index);
		this.pairs.add(pair);
		this.modems.add(modem);
		modem.onVanish(() -> {
			pair.unplug();
			Thread replug = new Thread(() -> {
				sleep(this.replugDelay.toMillis());
				plug(index);
			}, "modem-replug-" + index);
			replug.setDaemon(true);
			replug.start();
		});
		this.servers.add(PtyModemServer.start(pair.modemSide(), modem));
	}

	/** How many modems. */
	public int size() {
		return this.modems.size();
	}

	/** The simulator of modem {@code index}. */
	public ModemSimulator modem(int index) {
		return this.modems.get(index);
	}

	/** The port path a connector opens for modem {@code index}. */
	public String port(int index) {
		return this.pairs.get(index).connectorSide();
	}

	/** Pulls modem {@code index} out: its port vanishes until {@link #plug(int)}. */
	public void unplug(int index) {
		this.pairs.get(index).unplug();
	}

	/** Plugs modem {@code index} back in at the same path. */
	public void plug(int index) {
		try {
			this.pairs.get(index).plug();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.servers.forEach(PtyModemServer::close);
		this.pairs.forEach(PtyPair::close);
		try {
			Files.deleteIfExists(this.directory);
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
