package io.smsgw.modem.rack;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smsgw.modem.at.AtEngine;
import io.smsgw.modem.at.AtException;
import io.smsgw.modem.at.AtResponse;

/**
 * The health probe of a modem: {@code AT+CPIN?} (the SIM is ready), {@code AT+CSQ} (signal),
 * {@code AT+CREG?} (registration) and {@code AT+COPS?} (operator).
 */
final class Probes {

	private static final Pattern OPERATOR = Pattern.compile("\"([^\"]*)\"");

	private Probes() {
	}

	/**
	 * Probes the modem.
	 * @throws AtException when the SIM is not ready or the modem does not answer
	 */
	static ModemHealth probe(AtEngine engine, String modemId, Duration timeout, Instant now) throws AtException {
		AtResponse pin = engine.execute("AT+CPIN?", timeout);
		String sim = pin.info("+CPIN").orElse(pin.result().toString());
		if (!pin.isOk() || !sim.equals("READY")) {
			throw new AtException("the SIM is not ready (" + sim + ")");
		}
		double signal = signalDbm(engine.execute("AT+CSQ", timeout).info("+CSQ").orElse("99"));
		int registration = registration(engine.execute("AT+CREG?", timeout).info("+CREG").orElse(""));
		String operator = "";
		AtResponse cops = engine.execute("AT+COPS?", timeout);
		Matcher name = OPERATOR.matcher(cops.info("+COPS").orElse(""));
		if (name.find()) {
			operator = name.group(1);
		}
		boolean usable = !Double.isNaN(signal) && (registration == 1 || registration == 5);
		return new ModemHealth(modemId, usable ? ModemState.READY : ModemState.NO_SERVICE, signal, registration,
				operator, now);
	}

	/** dBm of a {@code +CSQ: <rssi>,<ber>} value (TS 27.007 §8.5): -113 + 2 rssi; 99 unknown → NaN. */
	static double signalDbm(String csq) {
		try {
			int rssi = Integer.parseInt(csq.split(",")[0].trim());
			return (rssi >= 0 && rssi <= 31) ? -113 + 2 * rssi : Double.NaN;
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** The {@code <stat>} of a {@code +CREG: <n>,<stat>[,...]} answer, -1 when unreadable. */
	static int registration(String creg) {
		String[] values = creg.split(",");
		try {
			return Integer.parseInt(values[(values.length > 1) ? 1 : 0].trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
