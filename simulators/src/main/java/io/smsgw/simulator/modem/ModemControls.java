package io.smsgw.simulator.modem;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The knobs of a {@link ModemSimulator}: what the network sends it (inbound messages, status
 * reports) and the failures it shows on command (CMS errors, no signal, SIM removed or not
 * ready, the port vanishing).
 */
public abstract class ModemControls {

	/** A scripted answer to a send: no answer at all. */
	public static final String SILENT = "SILENT";

	/** A scripted answer to a send: OK without a {@code +CMGS} line. */
	public static final String OK_ONLY = "OK_ONLY";

	final Deque<String> sendAnswers = new ConcurrentLinkedDeque<>();

	final Deque<String> duringSend = new ConcurrentLinkedDeque<>();

	volatile boolean dead;

	volatile boolean simRemoved;

	volatile boolean simNotReady;

	volatile int rssi = 21;

	volatile int registration = 1;

	volatile boolean statusReports = true;

	volatile int reportStatus;

	volatile Duration reportDelay = ModemSimulator.defaultReportDelay();

	volatile boolean vanishOnSend;

	private volatile Runnable vanishHook = () -> {
	};

	abstract void deliver(String from, String text, boolean duringNextSend, boolean announce);

	/** A message from {@code from} (E.164 or alphanumeric) arrives, in parts when long; announced per {@code +CNMI}. */
	public void receive(String from, String text) {
		deliver(from, text, false, true);
	}

	/** A message arrives and is announced between the PDU and the answer of the next send. */
	public void receiveDuringNextSend(String from, String text) {
		deliver(from, text, true, true);
	}

	/** A message is put in storage without a word (it arrived while nobody listened). */
	public void storeSilently(String from, String text) {
		deliver(from, text, false, false);
	}

	/** Scripts the answer to the next send: an error line such as {@code +CMS ERROR: 38}, {@link #SILENT} or {@link #OK_ONLY}. */
	public void answerNextSend(String answer) {
		this.sendAnswers.add(answer);
	}

	/** Forgets the scripted answers not used yet. */
	public void clearAnswers() {
		this.sendAnswers.clear();
	}

	/** Sends this unsolicited line between the PDU and the answer of the next send. */
	public void unsolicitedDuringNextSend(String line) {
		this.duringSend.add(ModemSimulator.line(line));
	}

	/** Stops answering anything (or answers again). */
	public void dead(boolean dead) {
		this.dead = dead;
	}

	/** The SIM is pulled out ({@code +CME ERROR: 10}, sends {@code +CMS ERROR: 310}) or put back. */
	public void simRemoved(boolean removed) {
		this.simRemoved = removed;
	}

	/** The SIM answers {@code +CPIN: NOT READY} (sends {@code +CMS ERROR: 314}), or is ready again. */
	public void simNotReady(boolean notReady) {
		this.simNotReady = notReady;
	}

	/** No signal: {@code +CSQ: 99,99}, {@code +CREG: 0,3}, sends {@code +CMS ERROR: 331}; or signal back. */
	public void noSignal(boolean lost) {
		this.rssi = lost ? 99 : 21;
		this.registration = lost ? 3 : 1;
	}

	/** The {@code +CSQ} rssi (0 to 31, 99 unknown). */
	public void rssi(int rssi) {
		this.rssi = rssi;
	}

	/** Whether the network sends status reports when asked (TP-SRR), with which TP-Status and after what delay. */
	public void statusReports(boolean enabled, int status, Duration delay) {
		this.statusReports = enabled;
		this.reportStatus = status;
		this.reportDelay = delay;
	}

	/** The port vanishes (USB unplugged) when the next {@code AT+CMGS} arrives, before any prompt. */
	public void vanishOnNextSend() {
		this.vanishOnSend = true;
	}

	/** What makes the port vanish; set by whoever serves the modem on a port. */
	public void onVanish(Runnable hook) {
		this.vanishHook = hook;
	}

	void vanish() {
		this.vanishHook.run();
	}

}
