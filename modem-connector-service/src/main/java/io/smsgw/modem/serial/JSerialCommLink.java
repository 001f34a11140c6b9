package io.smsgw.modem.serial;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import io.smsgw.modem.at.SerialLink;

/**
 * A serial link on a jSerialComm port: 8N1, no flow control, reads that wait at most a short
 * poll interval. {@link #close()} never runs while a read is in the native code (the JVM
 * crashes when it does): reads and the close share a lock, and a read holds it only for one
 * poll interval.
 */
public final class JSerialCommLink implements SerialLink {

	private final SerialPort port;

	private final String name;

	private final ReentrantLock readLock = new ReentrantLock();

	private final ReentrantLock writeLock = new ReentrantLock();

	private volatile boolean closed;

	private JSerialCommLink(SerialPort port, String name) {
		this.port = port;
		this.name = name;
	}

	/**
	 * Opens a port by its path; a pty link path works too (jSerialComm does not list ptys, but
	 * opens them by path).
	 * @param pollMillis the longest a read waits for the first byte
	 * @param writeTimeoutMillis the longest a write waits
	 */
	public static JSerialCommLink open(String path, int baudRate, int pollMillis, int writeTimeoutMillis)
			throws IOException {
		SerialPort port;
		try {
			port = SerialPort.getCommPort(path);
		}
		catch (SerialPortInvalidPortException ex) {
			throw new IOException("No serial port at " + path, ex);
		}
		port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
		port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
		port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
				pollMillis, writeTimeoutMillis);
		if (!port.openPort()) {
			throw new IOException("Could not open " + path + " (error " + port.getLastErrorCode() + ")");
		}
		return new JSerialCommLink(port, path);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int read(byte[] buffer) throws IOException {
		this.readLock.lock();
		try {
			if (this.closed) {
				throw new IOException(this.name + " is closed");
			}
			int count = this.port.readBytes(buffer, buffer.length);
			if (count < 0) {
				throw new IOException("Read from " + this.name + " failed (error " + this.port.getLastErrorCode() + ")");
			}
			return count;
		}
		finally {
			this.readLock.unlock();
		}
	}

	@Override
	public void write(byte[] bytes) throws IOException {
		this.writeLock.lock();
		try {
			if (this.closed) {
				throw new IOException(this.name + " is closed");
			}
			int written = 0;
			while (written < bytes.length) {
				int count = this.port.writeBytes(bytes, bytes.length - written, written);
				if (count <= 0) {
					throw new IOException("Write to " + this.name + " failed (error " + this.port.getLastErrorCode() + ")");
				}
				written += count;
			}
		}
		finally {
			this.writeLock.unlock();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.readLock.lock();
		this.writeLock.lock();
		try {
			this.port.closePort();
		}
		finally {
			this.writeLock.unlock();
			this.readLock.unlock();
		}
	}

}
