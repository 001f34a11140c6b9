package io.smsgw.router.dispatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Tells a readable record from a poison one: the error-handling deserializer leaves a
 * {@code null} value and the cause in a header.
 */
final class RecordReader {

	private static final LogAccessor log = new LogAccessor(RecordReader.class);

	private RecordReader() {
	}

	/** Why the record's value could not be read, or {@code null} when it was read. */
	static Exception unreadable(ConsumerRecord<?, ?> record) {
		if (record.value() != null) {
			return null;
		}
		DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		return (cause != null) ? cause : new IllegalArgumentException("Record without a value");
	}

}
