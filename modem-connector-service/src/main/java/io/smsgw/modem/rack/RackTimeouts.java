package io.smsgw.modem.rack;

import java.time.Duration;

/**
 * How long a rack waits for its modems, and how often it looks at them.
 *
 * @param command the timeout of an ordinary AT command
 * @param send the timeout of one {@code AT+CMGS}, from the command to its final result
 * @param maxQueueWait longest wait of a message for its modem before it goes to another one
 * @param reconnect the pause between attempts to bring a modem that is down back up
 * @param probe how often ready modems are probed ({@code +CPIN?}, {@code +CSQ}, {@code +CREG?},
 * {@code +COPS?}) and their storage drained
 * @param reassembly how long the parts of a concatenated inbound message are awaited
 */
public record RackTimeouts(Duration command, Duration send, Duration maxQueueWait, Duration reconnect,
		Duration probe, Duration reassembly) {

	/** With a 30 s probe and a 5 min reassembly timeout. */
	public RackTimeouts(Duration command, Duration send, Duration maxQueueWait, Duration reconnect) {
		this(command, send, maxQueueWait, reconnect, Duration.ofSeconds(30), Duration.ofMinutes(5));
	}

}
