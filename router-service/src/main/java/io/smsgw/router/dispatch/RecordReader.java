package io.smsgw.router.dispatch;

import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Tells a readable record from a poison one: the error-handling deserializer leaves a
 * {@code null} value and the cause in a header.
 */
final class RecordReader {

	private static final LogAccessor logAccessor = new LogAccessor(RecordReader.class);

	private static final Logger log = LoggerFactory.getLogger(RecordReader.class);

	private RecordReader() {
	}

	/** Why the record's value could not be read, or {@code null} when it was read. */
	static Exception unreadable(ConsumerRecord<?, ?> record) {
		if (record.value() != null) {
			return null;
		}
		DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		return (cause != null) ? cause : new IllegalArgumentException("Record without a value");
	}

	/**
	 * The record's event when it is a readable {@code type} with a message id; otherwise the
	 * record goes to its dead-letter topic (inside the listener's transaction) and the answer is
	 * {@code null}.
	 */
	static <T> T readOrDeadLetter(ConsumerRecord<String, ?> record, Class<T> type, Function<T, Object> messageId,
			DispatchPublisher publisher, RouterMetrics metrics) {
		Exception unreadable = unreadable(record);
		if (unreadable == null && (!type.isInstance(record.value()) || messageId.apply(type.cast(record.value())) == null)) {
			unreadable = new IllegalArgumentException("Not a " + type.getSimpleName() + " with a message id");
		}
		if (unreadable == null) {
			return type.cast(record.value());
		}
		log.warn("Unreadable record at {}-{}@{}; sent to the dead-letter topic: {}", record.topic(), record.partition(),
				record.offset(), unreadable.getMessage());
		publisher.deadLetter(record, unreadable);
		metrics.deadLettered(record.topic());
		return null;
	}

	/**
	 * Runs the work of one readable record. A failure of the record itself (a bug, data routing
	 * code cannot handle) sends that record to its dead-letter topic inside the transaction and
	 * lets the rest of the batch go on; a failure of the infrastructure (Kafka, the database) is
	 * rethrown, so the whole transaction rolls back and the batch is retried.
	 */
	static void processOrDeadLetter(ConsumerRecord<String, ?> record, Runnable work, DispatchPublisher publisher,
			RouterMetrics metrics) {
		try {
			work.run();
		}
		catch (KafkaException | org.apache.kafka.common.KafkaException | DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Record at {}-{}@{} (key {}) could not be processed; sent to the dead-letter topic", record.topic(),
					record.partition(), record.offset(), record.key(), ex);
			publisher.deadLetter(record, ex);
			metrics.deadLettered(record.topic());
		}
	}

}
