package io.smsgw.benchmark;

/**
 * The timetable of a soak's requests: {@code messages} messages at {@code rate} per second, in
 * blocks of single sends followed by one batch, so that {@code batchPercent} % of the messages go
 * in batches of {@code batchSize}. Each request is due when its last message is due (message
 * {@code k} at {@code k / rate} s), so the offered rate is the same with or without batches.
 */
final class SoakSchedule {

	private final int messages;

	private final int rate;

	private final int batchSize;

	/** Messages per block: its single sends, then (when batches are on) one batch. */
	private final int block;

	private final int singles;

	private final int requestsPerBlock;

	private final int requests;

	SoakSchedule(int messages, int rate, int batchSize, int batchPercent) {
		if (rate < 1) {
			throw new IllegalArgumentException("A soak needs a rate");
		}
		this.messages = messages;
		this.rate = rate;
		boolean batches = batchPercent > 0 && batchSize > 1;
		this.batchSize = batches ? batchSize : 0;
		this.block = batches ? Math.max(batchSize, Math.round(batchSize * 100f / batchPercent)) : 1;
		this.singles = this.block - this.batchSize;
		this.requestsPerBlock = this.singles + (batches ? 1 : 0);
		int full = messages / this.block;
		int rest = messages % this.block;
		this.requests = full * this.requestsPerBlock + Math.min(rest, this.singles) + ((rest > this.singles) ? 1 : 0);
	}

	int requests() {
		return this.requests;
	}

	/** Index (from 0) of request {@code i}'s first message. */
	int firstMessage(int i) {
		int b = i / this.requestsPerBlock;
		int j = i % this.requestsPerBlock;
		return b * this.block + Math.min(j, this.singles);
	}

	boolean isBatch(int i) {
		return i % this.requestsPerBlock == this.singles;
	}

	/** Messages in request {@code i}. */
	int messages(int i) {
		return isBatch(i) ? Math.min(this.batchSize, this.messages - firstMessage(i)) : 1;
	}

	/** When request {@code i} is due, in ns after the start. */
	long dueNanos(int i) {
		long last = firstMessage(i) + messages(i) - 1L;
		return last * 1_000_000_000L / this.rate;
	}

}
