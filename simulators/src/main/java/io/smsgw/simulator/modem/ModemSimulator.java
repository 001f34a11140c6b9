package io.smsgw.simulator.modem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import io.smsgw.simulator.modem.NetworkPdus.Pdu;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

/**
 * A GSM modem as a connector sees it on its serial line, in the manner of SIMCom and Quectel
 * modules: bytes in, bytes out ({@link #accept}), and unsolicited codes when they are due
 * ({@link #pendingOutput}). Speaks {@code AT}, {@code ATE0/1}, {@code +CMEE}, {@code +CPIN},
 * {@code +CMGF}, {@code +CNMI}, {@code +CSMP}, {@code +CSQ}, {@code +CREG?}, {@code +COPS?},
 * {@code +CPMS}, {@code +CMGS} (PDU mode, {@code > } prompt, Ctrl-Z), {@code +CMGR},
 * {@code +CMGD}, {@code +CMGL} and {@code +CNMA}. Network side and failures are driven by
 * {@link ModemControls}. Thread-safe.
 */
public final class ModemSimulator extends ModemControls {

	private static final OffsetDateTime ORIGIN = OffsetDateTime.of(2024, 5, 17, 9, 30, 0, 0, ZoneOffset.ofHours(2));

	private final String pin;

	private final StringBuilder input = new StringBuilder();

	private final SimStorage storage = new SimStorage();

	private final List<String> pdus = new CopyOnWriteArrayList<>();

	private final List<Submit> submits = new CopyOnWriteArrayList<>();

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final Deque<String> output = new ConcurrentLinkedDeque<>();

	private final List<DueReport> dueReports = new ArrayList<>();

	private boolean echo = true;

	private boolean pduMode;

	private boolean unlocked;

	private int cnmiMt;

	private int cnmiDs;

	private int pduLength = -1;

	private int nextReference;

	private int concatReference;

	/**
	 * @param pin the SIM's PIN, or {@code null} for a SIM without one
	 * @param firstReference the first message reference (TP-MR) to answer; they wrap after 255
	 */
	public ModemSimulator(String pin, int firstReference) {
		this.pin = pin;
		this.unlocked = (pin == null);
		this.nextReference = firstReference & 0xFF;
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

	/** Unsolicited output due now: queued codes and status reports whose delay passed. */
	public synchronized byte[] pendingOutput() {
		long now = System.nanoTime();
		for (DueReport due : List.copyOf(this.dueReports)) {
			if (due.at() - now <= 0) {
				this.dueReports.remove(due);
				announceReport(due.pdu());
			}
		}
		StringBuilder text = new StringBuilder();
		if (this.pduLength < 0) {
			for (String line; (line = this.output.poll()) != null;) {
				text.append(line);
			}
		}
		return text.toString().getBytes(StandardCharsets.ISO_8859_1);
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
		else if (c != '\r' && c != '\n') {
			this.input.append(c);
		}
	}

	private String command(String command) {
		String upper = command.toUpperCase();
		if (upper.equals("AT") || upper.startsWith("AT+CMEE=") || upper.startsWith("AT+CSMP=")
				|| upper.equals("AT+CNMA")) {
			return ok();
		}
		if (upper.equals("ATE0") || upper.equals("ATE1")) {
			this.echo = upper.equals("ATE1");
			return ok();
		}
		if (upper.startsWith("AT+CPIN")) {
			return pin(command, upper);
		}
		if (upper.equals("AT+CMGF=0") || upper.equals("AT+CMGF=1")) {
			this.pduMode = upper.endsWith("0");
			return ok();
		}
		if (upper.startsWith("AT+CNMI=")) {
			String[] values = upper.substring(8).split(",");
			this.cnmiMt = (values.length > 1) ? Integer.parseInt(values[1].trim()) : 0;
			this.cnmiDs = (values.length > 3) ? Integer.parseInt(values[3].trim()) : 0;
			return ok();
		}
		if (upper.equals("AT+CSQ")) {
			return line("+CSQ: " + this.rssi + ",99") + ok();
		}
		if (upper.equals("AT+CREG?")) {
			return line("+CREG: 0," + this.registration) + ok();
		}
		if (upper.equals("AT+COPS?")) {
			return line(registered() ? "+COPS: 0,0,\"SIMNET\",7" : "+COPS: 0") + ok();
		}
		if (upper.startsWith("AT+CPMS")) {
			return line("+CPMS: " + this.storage.size() + "," + SimStorage.CAPACITY + "," + this.storage.size() + ","
					+ SimStorage.CAPACITY) + ok();
		}
		if (!this.unlocked || this.simRemoved || !this.pduMode) {
			return line(this.simRemoved ? "+CMS ERROR: 310" : "+CMS ERROR: 302");
		}
		if (upper.startsWith("AT+CMGS=")) {
			return startSend(upper);
		}
		return storageCommand(upper);
	}

	private String pin(String command, String upper) {
		if (this.simRemoved) {
			return line("+CME ERROR: 10");
		}
		if (upper.equals("AT+CPIN?")) {
			String state = this.simNotReady ? "NOT READY" : this.unlocked ? "READY" : "SIM PIN";
			return line("+CPIN: " + state) + ok();
		}
		this.unlocked = command.substring(8).replace("\"", "").equals(this.pin);
		return this.unlocked ? ok() : line("+CME ERROR: 16");
	}

	private String startSend(String upper) {
		if (this.vanishOnSend) {
			this.vanishOnSend = false;
			vanish();
			return "";
		}
		if (this.simNotReady) {
			return line("+CMS ERROR: 314");
		}
		if (!registered()) {
			return line("+CMS ERROR: 331");
		}
		this.pduLength = Integer.parseInt(upper.substring(8).trim());
		return "\r\n> ";
	}

	private String storageCommand(String upper) {
		if (upper.startsWith("AT+CMGR=")) {
			SimStorage.Slot slot = this.storage.read(Integer.parseInt(upper.substring(8).trim()));
			if (slot == null) {
				return line("+CMS ERROR: 321");
			}
			return line("+CMGR: " + slot.stat() + ",," + slot.pdu().tpduLength()) + line(slot.pdu().hex()) + ok();
		}
		if (upper.startsWith("AT+CMGD=")) {
			this.storage.delete(Integer.parseInt(upper.substring(8).split(",")[0].trim()));
			return ok();
		}
		if (upper.startsWith("AT+CMGL=")) {
			StringBuilder listed = new StringBuilder();
			for (Map.Entry<Integer, SimStorage.Slot> entry : this.storage.list(Integer.parseInt(upper.substring(8).trim()))) {
				Pdu pdu = entry.getValue().pdu();
				listed.append(line("+CMGL: " + entry.getKey() + "," + entry.getValue().stat() + ",," + pdu.tpduLength()))
					.append(line(pdu.hex()));
			}
			return listed + ok();
		}
		return line("ERROR");
	}

	private String submit(String pdu, int length) {
		Submit submit;
		try {
			int smscOctets = Integer.parseInt(pdu.substring(0, 2), 16);
			if (!pdu.matches("[0-9A-F]+") || pdu.length() / 2 - 1 - smscOctets != length) {
				return line("+CMS ERROR: 304");
			}
			submit = SubmitPduDecoder.decode(pdu);
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			return line("+CMS ERROR: 304");
		}
		StringBuilder prefix = new StringBuilder();
		for (String urc; (urc = this.duringSend.poll()) != null;) {
			prefix.append(urc);
		}
		String answer = this.sendAnswers.poll();
		if (answer == null) {
			this.pdus.add(pdu);
			this.submits.add(submit);
			int reference = this.nextReference;
			this.nextReference = (this.nextReference + 1) & 0xFF;
			if (submit.statusReportRequested() && this.statusReports) {
				OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(2)).withNano(0);
				this.dueReports.add(new DueReport(System.nanoTime() + this.reportDelay.toNanos(),
						NetworkPdus.statusReport(reference, submit.destination(), now, now, this.reportStatus)));
			}
			return prefix + line("+CMGS: " + reference) + ok();
		}
		if (answer.equals(SILENT)) {
			return prefix.toString();
		}
		return prefix + (answer.equals(OK_ONLY) ? ok() : line(answer));
	}

	private void announceReport(Pdu report) {
		if (this.cnmiDs == 1) {
			this.output.add(line("+CDS: " + report.tpduLength()) + line(report.hex()));
		}
		else {
			int index = this.storage.store(report);
			if (this.cnmiDs == 2 && index > 0) {
				this.output.add(line("+CDSI: \"SM\"," + index));
			}
		}
	}

	@Override
	synchronized void deliver(String from, String text, boolean duringNextSend, boolean announce) {
		this.concatReference = (this.concatReference + 1) & 0xFF;
		OffsetDateTime sentAt = ORIGIN.plusMinutes(this.concatReference);
		for (Pdu pdu : NetworkPdus.deliver(from, text, this.concatReference, sentAt)) {
			String urc;
			if (this.cnmiMt == 2 && announce) {
				urc = line("+CMT: ," + pdu.tpduLength()) + line(pdu.hex());
			}
			else {
				int index = this.storage.store(pdu);
				urc = (this.cnmiMt == 1 && announce && index > 0) ? line("+CMTI: \"SM\"," + index) : null;
			}
			if (urc != null) {
				(duringNextSend ? this.duringSend : this.output).add(urc);
			}
		}
	}

	private boolean registered() {
		return this.registration == 1 || this.registration == 5;
	}

	private static String ok() {
		return line("OK");
	}

	static String line(String text) {
		return "\r\n" + text + "\r\n";
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** The SMS-SUBMIT PDUs taken (and answered {@code +CMGS}), in hex with the SMSC part. */
	public List<String> pdus() {
		return new ArrayList<>(this.pdus);
	}

	/** The SMS-SUBMITs taken (and answered {@code +CMGS}), decoded, in order. */
	public List<Submit> submits() {
		return new ArrayList<>(this.submits);
	}

	/** The commands received, in order. */
	public List<String> commands() {
		return new ArrayList<>(this.commands);
	}

	/** Messages in the SIM's storage (received, not yet deleted). */
	public synchronized int stored() {
		return this.storage.size();
	}

	/** Forgets the line state (echo on, text mode), as a modem does when it is powered again. */
	public synchronized void reset() {
		this.echo = true;
		this.pduMode = false;
		this.pduLength = -1;
		this.input.setLength(0);
		this.cnmiMt = 0;
		this.cnmiDs = 0;
		this.unlocked = (this.pin == null);
	}

	private record DueReport(long at, Pdu pdu) {
	}

	static Duration defaultReportDelay() {
		return Duration.ofMillis(200);
	}

}
