package io.smsgw.modem.at;

import java.util.List;

/**
 * A line the modem sent on its own (new message, status report, registration change, ring),
 * with the PDU line that follows {@code +CMT:}, {@code +CDS:} and {@code +CBM:} in PDU mode.
 *
 * @param line the code's line, e.g. {@code +CMTI: "SM",3}
 * @param pdu the following PDU line, or {@code null}
 */
public record UnsolicitedCode(String line, String pdu) {

	private static final List<String> PREFIXES = List.of("+CMTI:", "+CMT:", "+CDSI:", "+CDS:", "+CBMI:", "+CBM:",
			"+CREG:", "+CGREG:", "+CEREG:", "+CLIP:", "+CRING:", "+CUSD:", "+CIEV:", "+CPIN:", "+CFUN:", "+QIND:",
			"+PACSP", "+STIN:", "^", "RING", "RDY", "SMS Ready", "Call Ready", "NORMAL POWER DOWN", "UNDER-VOLTAGE",
			"OVER-VOLTAGE");

	private static final List<String> WITH_PDU = List.of("+CMT:", "+CDS:", "+CBM:");

	/** The code's name, e.g. {@code +CMTI}. */
	public String name() {
		int colon = this.line.indexOf(':');
		return (colon > 0) ? this.line.substring(0, colon) : this.line;
	}

	/**
	 * Whether a line is an unsolicited code, given the information prefix of the command in
	 * flight (a {@code +CREG:} line answers {@code AT+CREG?}, and is unsolicited otherwise).
	 * @param expectedPrefix the prefix of the command in flight, or {@code null}
	 */
	static boolean isUnsolicited(String line, String expectedPrefix) {
		if (expectedPrefix != null && line.startsWith(expectedPrefix + ":")) {
			return false;
		}
		return PREFIXES.stream().anyMatch(line::startsWith);
	}

	/** Whether a PDU line follows this code in PDU mode. */
	static boolean hasPduLine(String line) {
		return WITH_PDU.stream().anyMatch(line::startsWith);
	}

}
