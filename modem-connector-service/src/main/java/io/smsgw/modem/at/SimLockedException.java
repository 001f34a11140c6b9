package io.smsgw.modem.at;

/**
 * The SIM stays locked and only a person can unlock it: no PIN configured, the PIN refused, or
 * a PUK asked. The modem must not be initialised again on its own.
 */
public class SimLockedException extends AtException {

	public SimLockedException(String message) {
		super(message);
	}

}
