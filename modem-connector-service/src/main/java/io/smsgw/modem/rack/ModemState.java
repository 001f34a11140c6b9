package io.smsgw.modem.rack;

/**
 * Where a modem stands.
 */
public enum ModemState {

	/** Not connected or not initialised; the rack tries again. */
	DOWN,

	/** Initialised and registered on the network: can send. */
	READY,

	/** Initialised, but without signal or not registered: left out until a probe finds it registered. */
	NO_SERVICE,

	/** The SIM stays locked (PIN missing or refused, PUK asked): left alone until a restart. */
	DISABLED;

	/** Whether the modem can send. */
	public boolean canSend() {
		return this == READY;
	}

	/** Whether the line is open and initialised (ready or waiting for the network). */
	public boolean isInitialised() {
		return this == READY || this == NO_SERVICE;
	}

}
