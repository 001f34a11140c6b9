package io.smsgw.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the load driver saw for one run: which messages the API accepted (their ids and when the
 * answer arrived), the latency of every HTTP request, and what was refused and why. Thread-safe.
 */
public final class SendLog {

	private final long firstSeq;

	private final String[] ids;

	private final long[] acceptedMicros;

	private final Map<String, Integer> refusals = new TreeMap<>();

	private long[] latencies = new long[1024];

	/** When each request's answer arrived (epoch µs), in the order of {@link #latencies}. */
	private long[] answeredMicros = new long[1024];

	private int requests;

	private int issued;

	private int accepted;

	private long startMicros;

	private long endMicros;

	SendLog(long firstSeq, int messages) {
		this.firstSeq = firstSeq;
		this.ids = new String[messages];
		this.acceptedMicros = new long[messages];
	}

	synchronized void started(long micros) {
		this.startMicros = micros;
	}

	synchronized void finished(long micros) {
		this.endMicros = micros;
	}

	synchronized void latency(long micros) {
		latency(micros, Clocks.nowMicros());
	}

	synchronized void latency(long micros, long answeredAt) {
		if (this.requests == this.latencies.length) {
			this.latencies = Arrays.copyOf(this.latencies, this.requests * 2);
			this.answeredMicros = Arrays.copyOf(this.answeredMicros, this.requests * 2);
		}
		this.answeredMicros[this.requests] = answeredAt;
		this.latencies[this.requests++] = micros;
	}

	/** Counts messages whose request is about to be sent (answered or not). */
	synchronized void issued(int messages) {
		this.issued += messages;
	}

	/** Messages whose request was sent so far. */
	public synchronized int issuedCount() {
		return this.issued;
	}

	/** Requests answered so far (the length of {@link #latencies()}). */
	public synchronized int answeredCount() {
		return this.requests;
	}

	/** Latencies in µs of the requests answered from epoch µs {@code fromMicros} (inclusive) to {@code toMicros}. */
	public synchronized long[] latenciesAnswered(long fromMicros, long toMicros) {
		long[] selected = new long[this.requests];
		int n = 0;
		for (int i = 0; i < this.requests; i++) {
			if (this.answeredMicros[i] >= fromMicros && this.answeredMicros[i] < toMicros) {
				selected[n++] = this.latencies[i];
			}
		}
		return Arrays.copyOf(selected, n);
	}

	synchronized void accepted(long seq, String id, long micros) {
		int index = (int) (seq - this.firstSeq);
		if (this.ids[index] == null) {
			this.accepted++;
		}
		this.ids[index] = id;
		this.acceptedMicros[index] = micros;
	}

	synchronized void refused(String reason, int count) {
		this.refusals.merge(reason, count, Integer::sum);
	}

	public long firstSeq() {
		return this.firstSeq;
	}

	public int size() {
		return this.ids.length;
	}

	/** The message id of message {@code firstSeq + index}, or {@code null} when it was not accepted. */
	public synchronized String id(int index) {
		return this.ids[index];
	}

	/** When the API's answer for message {@code firstSeq + index} arrived (epoch µs). */
	public synchronized long acceptedMicros(int index) {
		return this.acceptedMicros[index];
	}

	public synchronized int acceptedCount() {
		return this.accepted;
	}

	public synchronized Map<String, Integer> refusals() {
		return new TreeMap<>(this.refusals);
	}

	/** HTTP request latencies in µs, one per request. */
	public synchronized long[] latencies() {
		return Arrays.copyOf(this.latencies, this.requests);
	}

	public synchronized long startMicros() {
		return this.startMicros;
	}

	public synchronized long endMicros() {
		return this.endMicros;
	}

}
