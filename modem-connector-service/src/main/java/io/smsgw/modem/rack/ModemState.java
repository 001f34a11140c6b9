package io.smsgw.modem.rack;

/**
 * Where a modem stands.
 */
public enum ModemState {

	/** Not connected or not initialised; the rack tries again. */
	DOWN,

	/** Initialised: can send. */
	READY,

	/** The SIM stays locked (PIN missing or refused, PUK asked): left alone until a restart. */
	DISABLED;

	/** Whether the modem can send. */
	public boolean canSend() {
		return this == READY;
	}

}
