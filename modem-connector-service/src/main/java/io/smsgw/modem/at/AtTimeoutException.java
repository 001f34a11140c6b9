package io.smsgw.modem.at;

import java.time.Duration;

/**
 * A command got no final result in time.
 */
public class AtTimeoutException extends AtException {

	public AtTimeoutException(String command, Duration timeout) {
		super("No final result for " + command + " within " + timeout);
	}

}
