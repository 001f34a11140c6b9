package io.smsgw.modem.at;

import java.io.IOException;

/**
 * A serial line to one modem as a plain byte stream: what the AT engine needs, and all it knows
 * of the port. The serial adapter implements it on a real port; tests implement it in memory.
 */
public interface SerialLink extends AutoCloseable {

	/** A readable name for logs, such as the port path. */
	String name();

	/**
	 * Reads what arrived, waiting at most the link's short poll interval.
	 * @return the number of bytes read, 0 when nothing arrived in time
	 * @throws IOException when the line is closed or broken
	 */
	int read(byte[] buffer) throws IOException;

	/** Writes all bytes. */
	void write(byte[] bytes) throws IOException;

	/** Closes the line; safe while another thread is reading (the read ends first). */
	@Override
	void close();

	/** Opens links by port path. */
	@FunctionalInterface
	interface Opener {

		/**
		 * @param port the port path, e.g. {@code /dev/ttyUSB0}
		 * @param baudRate the line speed
		 */
		SerialLink open(String port, int baudRate) throws IOException;

	}

}
