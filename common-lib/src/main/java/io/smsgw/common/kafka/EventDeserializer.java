package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.smsgw.common.event.EventSchema;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * Kafka deserializer for every gateway event. The target type follows from the topic
 * ({@link Topics#eventTypeOf(String)}); a record whose type header names another type, or whose
 * schema version is newer than this code knows, is refused with a {@link SerializationException}
 * (wrapped in an error-handling deserializer, it then goes to the dead-letter topic).
 */
public class EventDeserializer implements Deserializer<SmsEvent> {

	@Override
	public SmsEvent deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public SmsEvent deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		Class<? extends SmsEvent> type = Topics.eventTypeOf(topic);
		EventSchema schema = EventJson.schemaOf(type);
		if (headers != null) {
			String name = header(headers, EventJson.TYPE_HEADER);
			if (name != null && !name.equals(schema.name())) {
				throw new SerializationException(
						"Topic " + topic + " carries " + schema.name() + ", record says " + name);
			}
			String version = header(headers, EventJson.VERSION_HEADER);
			if (version != null && parseVersion(version) > schema.version()) {
				throw new SerializationException("Schema version " + version + " of " + schema.name()
						+ " is newer than the supported " + schema.version());
			}
		}
		try {
			return EventJson.read(data, type);
		}
		catch (RuntimeException ex) {
			throw new SerializationException("Unreadable " + schema.name() + " on " + topic + ": " + ex.getMessage(),
					ex);
		}
	}

	private static int parseVersion(String version) {
		try {
			return Integer.parseInt(version.trim());
		}
		catch (NumberFormatException ex) {
			throw new SerializationException("Invalid schema version header: " + version);
		}
	}

	private static String header(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
