package io.smsgw.modem.rack;

/**
 * One modem of a rack ({@code sms.modem.racks[].modems[]}).
 *
 * @param id the modem's id, unique in its rack; network message ids are {@code <id>:<mr>}
 * @param port the serial port path, e.g. {@code /dev/ttyUSB0} or a pty link
 * @param baudRate the line speed (default 115200)
 * @param pin the SIM PIN, or {@code null}; never logged
 * @param smsc the SMSC number in E.164, or {@code null} to use the one stored on the SIM
 * @param messagesPerMinute most SMS parts the modem sends in any minute (default 10)
 * @param number the SIM's own number (E.164), the {@code to} of its inbound messages; the modem
 * id when not set
 */
public record ModemSettings(String id, String port, Integer baudRate, String pin, String smsc,
		Integer messagesPerMinute, String number) {

	public ModemSettings {
		if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
			throw new IllegalArgumentException("A modem id must be 1 to 64 of [A-Za-z0-9._-], was " + id);
		}
		if (port == null || port.isBlank()) {
			throw new IllegalArgumentException("Modem " + id + " has no port");
		}
		baudRate = (baudRate != null) ? baudRate : 115200;
		messagesPerMinute = (messagesPerMinute != null) ? messagesPerMinute : 10;
		if (baudRate <= 0 || messagesPerMinute <= 0) {
			throw new IllegalArgumentException("Modem " + id + " needs a positive baud rate and messages per minute");
		}
		number = (number == null || number.isBlank()) ? null : number.trim();
	}

	@Override
	public String toString() {
		return "ModemSettings[id=" + this.id + ", port=" + this.port + ", baudRate=" + this.baudRate + ", pin="
				+ ((this.pin != null) ? "****" : "none") + ", smsc=" + this.smsc + ", messagesPerMinute="
				+ this.messagesPerMinute + ", number=" + this.number + "]";
	}

}
