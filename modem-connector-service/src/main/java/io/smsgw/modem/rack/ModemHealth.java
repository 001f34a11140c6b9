package io.smsgw.modem.rack;

import java.time.Instant;

/**
 * What the last probe of a modem found.
 *
 * @param modemId the modem
 * @param state its state
 * @param signalDbm the signal from {@code +CSQ} in dBm, {@code NaN} when unknown
 * @param registration the {@code +CREG} status (1 home, 5 roaming, 0/2/3/4 not registered), -1 unknown
 * @param operator the operator from {@code +COPS?}, or empty
 * @param probedAt when, or {@code null} before the first probe
 */
public record ModemHealth(String modemId, ModemState state, double signalDbm, int registration, String operator,
		Instant probedAt) {

	/** Whether the modem can send now. */
	public boolean healthy() {
		return this.state.canSend();
	}

	/** Whether {@code +CREG} says registered (home or roaming). */
	public boolean registered() {
		return this.registration == 1 || this.registration == 5;
	}

	static ModemHealth unknown(String modemId, ModemState state) {
		return new ModemHealth(modemId, state, Double.NaN, -1, "", null);
	}

}
