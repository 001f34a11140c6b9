package io.smsgw.modem.at;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks AT commands to one modem over a {@link SerialLink}: one command at a time, each read up
 * to its final result with a timeout. A reader thread owns the line; it hands unsolicited codes
 * to a listener (also those that arrive in the middle of a command) and the rest to the command
 * in flight. The listener runs on the reader thread and must return fast.
 */
public final class AtEngine implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AtEngine.class);

	private static final Pattern INFO_PREFIX = Pattern.compile("^AT([+^$%][A-Z0-9]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SECRET = Pattern.compile("^(AT\\+(CPIN|CPWD|CLCK)=).*", Pattern.CASE_INSENSITIVE);

	private static final byte CTRL_Z = 0x1A;

	private static final byte ESC = 0x1B;

	private final SerialLink link;

	private final AtReader reader;

	private final Object commandLock = new Object();

	private volatile Thread readerThread;

	/**
	 * @param link the open line to the modem
	 * @param unsolicited receives unsolicited codes, on the reader thread
	 */
	public AtEngine(SerialLink link, Consumer<UnsolicitedCode> unsolicited) {
		this.link = link;
		this.reader = new AtReader(link, unsolicited);
	}

	/** Starts the reader thread. */
	public synchronized void start() {
		this.readerThread = new Thread(this.reader, "at-reader-" + this.link.name());
		this.readerThread.setDaemon(true);
		this.readerThread.start();
	}

	/** Whether the reader runs and the line is open. */
	public boolean isOpen() {
		return this.readerThread != null && this.reader.isRunning();
	}

	/** Sends a command and answers its response. */
	public AtResponse execute(String command, Duration timeout) throws AtException {
		return run(command, null, timeout);
	}

	/**
	 * Sends a command that asks for data after a {@code > } prompt ({@code AT+CMGS}): on the
	 * prompt, writes the payload and Ctrl-Z, then reads to the final result. When no prompt comes
	 * in time, cancels with Esc.
	 */
	public AtResponse executeWithPrompt(String command, String payload, Duration timeout) throws AtException {
		return run(command, payload, timeout);
	}

	private AtResponse run(String command, String payload, Duration timeout) throws AtException {
		synchronized (this.commandLock) {
			if (!isOpen()) {
				throw new AtException("The line to " + this.link.name() + " is closed");
			}
			Matcher prefix = INFO_PREFIX.matcher(command);
			this.reader.begin(prefix.find() ? prefix.group(1).toUpperCase() : null);
			try {
				log.debug("{} <- {}", this.link.name(), masked(command));
				write((command + "\r").getBytes(StandardCharsets.ISO_8859_1));
				return collect(command, payload, timeout);
			}
			finally {
				this.reader.end();
			}
		}
	}

	private AtResponse collect(String command, String payload, Duration timeout) throws AtException {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean prompted = false;
		List<String> lines = new ArrayList<>();
		while (true) {
			Object event = poll(deadline);
			if (event == null) {
				if (payload != null && !prompted) {
					write(new byte[] { ESC });
				}
				throw new AtTimeoutException(masked(command), timeout);
			}
			if (event == AtReader.CLOSED) {
				throw new AtException("The line to " + this.link.name() + " closed during " + masked(command));
			}
			LineFramer.Token token = (LineFramer.Token) event;
			if (token.prompt()) {
				if (payload != null && !prompted) {
					prompted = true;
					byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
					byte[] withCtrlZ = java.util.Arrays.copyOf(data, data.length + 1);
					withCtrlZ[data.length] = CTRL_Z;
					write(withCtrlZ);
				}
				continue;
			}
			String line = token.text();
			if (line.equalsIgnoreCase(command) || line.equals(payload) || SECRET.matcher(line).matches()) {
				continue; // echo (of this command, or a late one of a command carrying a PIN or password)
			}
			FinalResult result = FinalResult.parse(line);
			if (result == null) {
				lines.add(line);
				continue;
			}
			if (payload != null && !prompted && result.isOk()) {
				throw new AtException("OK without a prompt for " + masked(command));
			}
			log.debug("{} -> {} {}", this.link.name(), lines.size(), result);
			return new AtResponse(lines, result);
		}
	}

	private Object poll(long deadline) throws AtException {
		try {
			return this.reader.poll(deadline - System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AtException("Interrupted", ex);
		}
	}

	private void write(byte[] bytes) throws AtException {
		try {
			this.link.write(bytes);
		}
		catch (IOException ex) {
			throw new AtException("Could not write to " + this.link.name(), ex);
		}
	}

	/** A command as it may be logged: PINs and passwords masked. */
	static String masked(String command) {
		Matcher secret = SECRET.matcher(command);
		return secret.matches() ? secret.group(1) + "****" : command;
	}

	/** Stops the reader, waits for it, then closes the line (never while a read is blocked). */
	@Override
	public void close() {
		Thread thread;
		synchronized (this) {
			this.reader.stop();
			thread = this.readerThread;
		}
		if (thread != null && thread != Thread.currentThread()) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.link.close();
	}

}
