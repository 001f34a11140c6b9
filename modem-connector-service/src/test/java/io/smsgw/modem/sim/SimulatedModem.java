package io.smsgw.modem.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A GSM modem as the AT engine sees it, in the manner of SIMCom and Quectel modules: echo on at
 * start, {@code ATE0}, {@code AT+CMEE}, {@code AT+CPIN} with an optional PIN, {@code AT+CMGF},
 * and {@code AT+CMGS} in PDU mode with the {@code > } prompt. It records the PDUs it took and
 * answers sends as scripted ({@link #answerNextSend}), {@code +CMGS: <mr>} by default.
 */
public final class SimulatedModem {

	/** A scripted answer: no answer at all. */
	public static final String SILENT = "SILENT";

	/** A scripted answer: OK without a {@code +CMGS} line. */
	public static final String OK_ONLY = "OK_ONLY";

	private final String pin;

	private final StringBuilder input = new StringBuilder();

	private final List<String> pdus = new CopyOnWriteArrayList<>();

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final Deque<String> sendAnswers = new ConcurrentLinkedDeque<>();

	private boolean echo = true;

	private boolean pduMode;

	private boolean unlocked;

	private int pduLength = -1;

	private int nextReference;

	private volatile String unsolicitedDuringSend;

	private volatile boolean dead;

	/**
	 * @param pin the SIM's PIN, or {@code null} for a SIM without one
	 * @param firstReference the first message reference to answer
	 */
	public SimulatedModem(String pin, int firstReference) {
		this.pin = pin;
		this.unlocked = (pin == null);
		this.nextReference = firstReference;
	}

	/** Takes bytes from the line and answers the bytes to send back. */
	public synchronized byte[] accept(byte[] bytes, int length) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (this.dead) {
			return out.toByteArray();
		}
		for (int i = 0; i < length; i++) {
			char c = (char) (bytes[i] & 0xFF);
			if (this.pduLength >= 0) {
				acceptPduChar(c, out);
			}
			else {
				if (this.echo) {
					out.write(c);
				}
				if (c == '\r') {
					String command = this.input.toString().trim();
					this.input.setLength(0);
					if (!command.isEmpty()) {
						this.commands.add(command);
						write(out, command(command));
					}
				}
				else if (c != '\n') {
					this.input.append(c);
				}
			}
		}
		return out.toByteArray();
	}

	private void acceptPduChar(char c, ByteArrayOutputStream out) {
		if (c == 0x1B) {
			this.input.setLength(0);
			this.pduLength = -1;
		}
		else if (c == 0x1A) {
			String pdu = this.input.toString().trim();
			int length = this.pduLength;
			this.input.setLength(0);
			this.pduLength = -1;
			write(out, submit(pdu, length));
		}
		else {
			this.input.append(c);
		}
	}

	private String command(String command) {
		String upper = command.toUpperCase();
		if (upper.equals("AT") || upper.equals("AT+CMEE=1")) {
			return ok();
		}
		if (upper.equals("ATE0") || upper.equals("ATE1")) {
			this.echo = upper.equals("ATE1");
			return ok();
		}
		if (upper.equals("AT+CPIN?")) {
			return line(this.unlocked ? "+CPIN: READY" : "+CPIN: SIM PIN") + ok();
		}
		if (upper.startsWith("AT+CPIN=")) {
			this.unlocked = command.substring(8).replace("\"", "").equals(this.pin);
			return this.unlocked ? ok() : line("+CME ERROR: 16");
		}
		if (upper.equals("AT+CMGF=0") || upper.equals("AT+CMGF=1")) {
			this.pduMode = upper.endsWith("0");
			return ok();
		}
		if (upper.startsWith("AT+CMGS=") && this.pduMode && this.unlocked) {
			this.pduLength = Integer.parseInt(upper.substring(8));
			return "\r\n> ";
		}
		return line("ERROR");
	}

	private String submit(String pdu, int length) {
		int smscOctets = Integer.parseInt(pdu.substring(0, 2), 16);
		if (!pdu.matches("[0-9A-F]+") || pdu.length() / 2 - 1 - smscOctets != length) {
			return line("+CMS ERROR: 304");
		}
		this.pdus.add(pdu);
		String unsolicited = this.unsolicitedDuringSend;
		String prefix = (unsolicited != null) ? line(unsolicited) : "";
		String answer = this.sendAnswers.poll();
		if (answer == null) {
			return prefix + line("+CMGS: " + this.nextReference++) + ok();
		}
		if (answer.equals(SILENT)) {
			return prefix;
		}
		if (answer.equals(OK_ONLY)) {
			return prefix + ok();
		}
		return prefix + line(answer);
	}

	private static String ok() {
		return line("OK");
	}

	private static String line(String text) {
		return "\r\n" + text + "\r\n";
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** Scripts the answer to the next send: an error line, {@link #SILENT} or {@link #OK_ONLY}. */
	public void answerNextSend(String answer) {
		this.sendAnswers.add(answer);
	}

	/** Sends this unsolicited line before the answer of every send. */
	public void unsolicitedDuringSend(String line) {
		this.unsolicitedDuringSend = line;
	}

	/** Stops answering anything (or answers again). */
	public void dead(boolean dead) {
		this.dead = dead;
	}

	/** The PDUs taken, in hex with the SMSC part. */
	public List<String> pdus() {
		return new ArrayList<>(this.pdus);
	}

	/** The commands received, in order. */
	public List<String> commands() {
		return new ArrayList<>(this.commands);
	}

}
