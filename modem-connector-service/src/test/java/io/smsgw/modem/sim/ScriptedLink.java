package io.smsgw.modem.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.smsgw.modem.at.SerialLink;

/**
 * A serial link that replays a modem transcript: for each expected write, the bytes the modem
 * answered, possibly in several chunks as they came off the wire.
 */
public final class ScriptedLink implements SerialLink {

	private final Deque<Object[]> steps = new ArrayDeque<>();

	private final List<String> written = new CopyOnWriteArrayList<>();

	private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();

	private volatile boolean closed;

	/** When the engine writes {@code expected}, the link answers the chunks, one read each. */
	public synchronized ScriptedLink on(String expected, String... answerChunks) {
		this.steps.add(new Object[] { expected, answerChunks });
		return this;
	}

	/** Puts bytes on the line as if the modem sent them on its own. */
	public void push(String raw) {
		this.incoming.add(raw.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** What the engine wrote, one entry per write. */
	public List<String> written() {
		return List.copyOf(this.written);
	}

	@Override
	public String name() {
		return "scripted";
	}

	@Override
	public int read(byte[] buffer) throws IOException {
		if (this.closed) {
			throw new IOException("closed");
		}
		try {
			byte[] chunk = this.incoming.poll(20, TimeUnit.MILLISECONDS);
			if (chunk == null) {
				return 0;
			}
			System.arraycopy(chunk, 0, buffer, 0, chunk.length);
			return chunk.length;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}

	@Override
	public synchronized void write(byte[] bytes) throws IOException {
		if (this.closed) {
			throw new IOException("closed");
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		this.written.add(text);
		Object[] step = this.steps.peekFirst();
		if (step != null && step[0].equals(text)) {
			this.steps.pollFirst();
			for (String chunk : (String[]) step[1]) {
				push(chunk);
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
	}

}
