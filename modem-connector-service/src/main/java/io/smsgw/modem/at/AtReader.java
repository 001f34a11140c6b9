package io.smsgw.modem.at;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader side of an {@link AtEngine}: owns the line's input, cuts it into lines, hands
 * unsolicited codes to the listener and queues the rest (lines and prompts) for the command in
 * flight. Puts {@link #CLOSED} on the queue when the line ends.
 */
final class AtReader implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(AtReader.class);

	/** Queued when the line closed or broke. */
	static final Object CLOSED = new Object();

	private final SerialLink link;

	private final Consumer<UnsolicitedCode> unsolicited;

	private final LineFramer framer = new LineFramer();

	private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	private volatile String expectedPrefix;

	private volatile boolean commandInFlight;

	private volatile boolean running = true;

	private String unsolicitedHeader;

	AtReader(SerialLink link, Consumer<UnsolicitedCode> unsolicited) {
		this.link = link;
		this.unsolicited = unsolicited;
	}

	/** A command starts: drops stale lines, and takes lines with its prefix as its own. */
	void begin(String prefix) {
		this.events.removeIf((event) -> event != CLOSED);
		this.expectedPrefix = prefix;
		this.commandInFlight = true;
	}

	/** The command ended. */
	void end() {
		this.commandInFlight = false;
		this.expectedPrefix = null;
	}

	/** Whether a line is a command's echo ({@code AT…}), never an unsolicited code. */
	static boolean isEcho(String line) {
		return line.regionMatches(true, 0, "AT", 0, 2);
	}

	/** The next token or {@link #CLOSED}, or {@code null} after the wait. */
	Object poll(long nanos) throws InterruptedException {
		Object event = (nanos > 0) ? this.events.poll(nanos, TimeUnit.NANOSECONDS) : null;
		if (event == CLOSED) {
			this.events.offer(CLOSED);
		}
		return event;
	}

	boolean isRunning() {
		return this.running;
	}

	void stop() {
		this.running = false;
	}

	@Override
	public void run() {
		byte[] buffer = new byte[1024];
		try {
			while (this.running) {
				int count = this.link.read(buffer);
				if (count > 0) {
					this.framer.feed(buffer, count).forEach(this::route);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (this.running) {
				log.warn("The line to {} broke: {}", this.link.name(), ex.toString());
			}
		}
		finally {
			this.running = false;
			this.events.offer(CLOSED);
		}
	}

	private void route(LineFramer.Token token) {
		if (token.prompt()) {
			this.events.offer(token);
			return;
		}
		String line = token.text();
		if (this.unsolicitedHeader != null) {
			String header = this.unsolicitedHeader;
			this.unsolicitedHeader = null;
			deliver(new UnsolicitedCode(header, line));
			return;
		}
		boolean idle = !this.commandInFlight;
		if (idle && isEcho(line)) {
			// the echo of a command that already ended (echo on, answer after the timeout): may carry a PIN
			log.debug("{}: dropped a late echo of {}", this.link.name(), AtEngine.masked(line));
			return;
		}
		if (UnsolicitedCode.isUnsolicited(line, this.expectedPrefix) || (idle && FinalResult.parse(line) == null)) {
			if (UnsolicitedCode.hasPduLine(line)) {
				this.unsolicitedHeader = line;
			}
			else {
				deliver(new UnsolicitedCode(line, null));
			}
		}
		else if (idle) {
			log.debug("{}: dropped {} outside a command", this.link.name(), line);
		}
		else {
			this.events.offer(token);
		}
	}

	private void deliver(UnsolicitedCode code) {
		try {
			this.unsolicited.accept(code);
		}
		catch (RuntimeException ex) {
			log.warn("The listener failed on {} from {}", code.name(), this.link.name(), ex);
		}
	}

}
