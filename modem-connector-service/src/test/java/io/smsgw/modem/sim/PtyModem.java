package io.smsgw.modem.sim;

import java.io.IOException;

import io.smsgw.modem.serial.JSerialCommLink;

/**
 * A {@link SimulatedModem} answering on one end of a pty pair, through jSerialComm.
 */
public final class PtyModem implements AutoCloseable {

	private final JSerialCommLink link;

	private final SimulatedModem modem;

	private final Thread thread;

	private volatile boolean running = true;

	private PtyModem(JSerialCommLink link, SimulatedModem modem) {
		this.link = link;
		this.modem = modem;
		this.thread = new Thread(this::serve, "pty-modem");
		this.thread.setDaemon(true);
	}

	/** Opens the port and starts answering. */
	public static PtyModem start(String port, SimulatedModem modem) throws IOException {
		PtyModem served = new PtyModem(JSerialCommLink.open(port, 115200, 50, 1000), modem);
		served.thread.start();
		return served;
	}

	private void serve() {
		byte[] buffer = new byte[1024];
		try {
			while (this.running) {
				int count = this.link.read(buffer);
				if (count > 0) {
					byte[] answer = this.modem.accept(buffer, count);
					if (answer.length > 0) {
						this.link.write(answer);
					}
				}
			}
		}
		catch (IOException ex) {
			// the line closed
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(2000);
		this.link.close();
	}

}
