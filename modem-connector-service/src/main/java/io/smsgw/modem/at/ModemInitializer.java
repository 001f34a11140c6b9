package io.smsgw.modem.at;

import java.time.Duration;

/**
 * Brings a modem to the state the connector sends in: echo off ({@code ATE0}), numeric errors
 * ({@code AT+CMEE=1}), the SIM unlocked ({@code AT+CPIN?}, entering the PIN once if asked), PDU
 * mode ({@code AT+CMGF=0}) and new messages and status reports announced by their storage index
 * ({@code AT+CNMI=2,1,0,2,0}: {@code +CMTI}, {@code +CDSI}). A PIN is tried at most once per call
 * and never logged. A SIM that is absent or not ready yet is a passing fault (tried again later);
 * only a SIM that asks for a PIN or PUK nobody can give stays locked.
 */
public final class ModemInitializer {

	private static final int SIM_BUSY_CHECKS = 10;

	/** Announce SMS-DELIVERs ({@code +CMTI}) and status reports ({@code +CDSI}) by storage index. */
	public static final String NEW_MESSAGE_INDICATIONS = "AT+CNMI=2,1,0,2,0";

	private final Duration timeout;

	private final Duration simBusyPause;

	/**
	 * @param timeout the timeout of each command
	 * @param simBusyPause the pause between SIM state checks while the SIM is busy after the PIN
	 */
	public ModemInitializer(Duration timeout, Duration simBusyPause) {
		this.timeout = timeout;
		this.simBusyPause = simBusyPause;
	}

	/**
	 * Initialises the modem behind the engine.
	 * @param pin the SIM PIN, or {@code null} when none is configured
	 * @throws SimLockedException when the SIM stays locked (no PIN, wrong PIN, PUK asked): trying
	 * again would only use up the SIM's PIN attempts
	 * @throws AtException when the modem does not answer as it should
	 */
	public void initialise(AtEngine engine, String pin) throws AtException {
		expectOk(engine, "AT");
		expectOk(engine, "ATE0");
		expectOk(engine, "AT+CMEE=1");
		unlock(engine, pin);
		expectOk(engine, "AT+CMGF=0");
		expectOk(engine, NEW_MESSAGE_INDICATIONS);
	}

	private void unlock(AtEngine engine, String pin) throws AtException {
		String state = simState(engine);
		if (state.equals("READY")) {
			return;
		}
		if (!state.contains("PIN") && !state.contains("PUK")) {
			throw new AtException("The SIM is not ready: " + state);
		}
		if (!state.equals("SIM PIN")) {
			throw new SimLockedException("The SIM asks for " + state + "; unlock it by hand");
		}
		if (pin == null || pin.isBlank()) {
			throw new SimLockedException("The SIM asks for its PIN and none is configured");
		}
		AtResponse entered = engine.execute("AT+CPIN=\"" + pin + "\"", this.timeout);
		if (!entered.isOk()) {
			throw new SimLockedException("The SIM refused the configured PIN (" + entered.result()
					+ "); not trying again, to keep its remaining attempts");
		}
		for (int i = 0; i < SIM_BUSY_CHECKS; i++) {
			state = simState(engine);
			if (state.equals("READY")) {
				return;
			}
			pause();
		}
		throw new AtException("The SIM is not ready after its PIN: " + state);
	}

	/** The SIM state of {@code +CPIN: <state>}; {@code "BUSY"} while the SIM is busy. */
	private String simState(AtEngine engine) throws AtException {
		AtResponse response = engine.execute("AT+CPIN?", this.timeout);
		if (!response.isOk()) {
			// +CME ERROR: 14 SIM busy (right after the PIN); 10 SIM not inserted
			if (response.result().code().equals("14")) {
				return "BUSY";
			}
			throw new AtException("AT+CPIN? answered " + response.result());
		}
		return response.info("+CPIN").orElseThrow(() -> new AtException("AT+CPIN? gave no +CPIN line"));
	}

	private void expectOk(AtEngine engine, String command) throws AtException {
		AtResponse response = engine.execute(command, this.timeout);
		if (!response.isOk()) {
			throw new AtException(command + " answered " + response.result());
		}
	}

	private void pause() throws AtException {
		try {
			Thread.sleep(this.simBusyPause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AtException("Interrupted", ex);
		}
	}

}
