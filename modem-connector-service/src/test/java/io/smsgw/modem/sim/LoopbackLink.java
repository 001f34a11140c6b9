package io.smsgw.modem.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.smsgw.modem.at.SerialLink;
import io.smsgw.simulator.modem.ModemSimulator;

/**
 * A serial link wired in memory to a {@link ModemSimulator}.
 */
public final class LoopbackLink implements SerialLink {

	private final String name;

	private final ModemSimulator modem;

	private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();

	private byte[] rest = new byte[0];

	private volatile boolean closed;

	public LoopbackLink(String name, ModemSimulator modem) {
		this.name = name;
		this.modem = modem;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int read(byte[] buffer) throws IOException {
		if (this.closed) {
			throw new IOException(this.name + " is closed");
		}
		byte[] chunk = this.rest;
		if (chunk.length == 0) {
			try {
				chunk = this.incoming.poll(20, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted");
			}
			if (chunk == null) {
				chunk = this.modem.pendingOutput();
			}
			if (chunk == null || chunk.length == 0) {
				return 0;
			}
		}
		int count = Math.min(buffer.length, chunk.length);
		System.arraycopy(chunk, 0, buffer, 0, count);
		this.rest = java.util.Arrays.copyOfRange(chunk, count, chunk.length);
		return count;
	}

	@Override
	public void write(byte[] bytes) throws IOException {
		if (this.closed) {
			throw new IOException(this.name + " is closed");
		}
		byte[] answer = this.modem.accept(bytes, bytes.length);
		if (answer.length > 0) {
			this.incoming.add(answer);
		}
	}

	/** Puts bytes on the line as if the modem sent them on its own. */
	public void push(String raw) {
		this.incoming.add(raw.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** Breaks the line: the next read and write fail. */
	@Override
	public void close() {
		this.closed = true;
	}

	public boolean isClosed() {
		return this.closed;
	}

}
