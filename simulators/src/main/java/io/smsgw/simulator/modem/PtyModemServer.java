package io.smsgw.simulator.modem;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Serves a {@link ModemSimulator} on the modem end of a {@link PtyPair} through jSerialComm: one
 * thread reads the line, answers, and writes the simulator's unsolicited codes when they are
 * due. When the port vanishes it waits for the path to come back, opens it again and resets the
 * simulated line (echo on, text mode), as a modem that was powered again. The port is closed
 * only by the serving thread, never during a read.
 */
public final class PtyModemServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PtyModemServer.class);

	private final String path;

	private final ModemSimulator modem;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean open;

	private PtyModemServer(String path, ModemSimulator modem) {
		this.path = path;
		this.modem = modem;
		this.thread = new Thread(this::serve, "pty-modem-" + Path.of(path).getFileName());
		this.thread.setDaemon(true);
	}

	/** Starts serving {@code modem} on the port at {@code path}. */
	public static PtyModemServer start(String path, ModemSimulator modem) {
		PtyModemServer server = new PtyModemServer(path, modem);
		server.thread.start();
		return server;
	}

	/** Whether the port is open now. */
	public boolean isOpen() {
		return this.open;
	}

	private void serve() {
		byte[] buffer = new byte[1024];
		SerialPort port = null;
		while (this.running) {
			if (port == null) {
				port = open();
				if (port == null) {
					sleep(25);
					continue;
				}
			}
			int count = port.readBytes(buffer, buffer.length);
			byte[] answer = (count > 0) ? this.modem.accept(buffer, count) : new byte[0];
			byte[] unsolicited = this.modem.pendingOutput();
			if (count < 0 || !write(port, answer) || !write(port, unsolicited)) {
				port.closePort();
				port = null;
				this.open = false;
				log.debug("Simulated modem port {} vanished", this.path);
				this.modem.reset();
			}
		}
		if (port != null) {
			port.closePort();
		}
		this.open = false;
	}

	private SerialPort open() {
		if (!Files.exists(Path.of(this.path))) {
			return null;
		}
		SerialPort port = SerialPort.getCommPort(this.path);
		port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
		port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 20, 1000);
		if (!port.openPort()) {
			return null;
		}
		this.open = true;
		return port;
	}

	private static boolean write(SerialPort port, byte[] bytes) {
		int written = 0;
		while (written < bytes.length) {
			int count = port.writeBytes(bytes, bytes.length - written, written);
			if (count <= 0) {
				return false;
			}
			written += count;
		}
		return true;
	}

	/** Stops serving and closes the port (after the last read returned). */
	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
