package io.smsgw.webhook.status;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;

/**
 * Thrown by a listener when a record's callback must be tried again after a pause: the error
 * handler pauses the record's partition for {@link #delay()} and then redelivers the record, so
 * that later events of the same messages wait behind it (status order is kept).
 */
public class RetryLaterException extends RuntimeException {

	private final transient TopicPartition partition;

	private final Duration delay;

	public RetryLaterException(TopicPartition partition, Duration delay, String reason) {
		super("Callback not accepted (" + reason + "), retry in " + delay.toMillis() + " ms", null, false, false);
		this.partition = partition;
		this.delay = delay;
	}

	/** The partition to pause. */
	public TopicPartition partition() {
		return this.partition;
	}

	/** How long to wait before the next attempt. */
	public Duration delay() {
		return this.delay;
	}

}
