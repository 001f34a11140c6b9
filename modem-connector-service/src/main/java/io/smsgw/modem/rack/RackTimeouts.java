package io.smsgw.modem.rack;

import java.time.Duration;

/**
 * How long a rack waits for its modems.
 *
 * @param command the timeout of an ordinary AT command
 * @param send the timeout of one {@code AT+CMGS}, from the command to its final result
 * @param maxQueueWait longest wait of a message for its modem before it is given back
 * @param reconnect the pause between attempts to bring a modem that is down back up
 */
public record RackTimeouts(Duration command, Duration send, Duration maxQueueWait, Duration reconnect) {
}
