package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.smsgw.common.event.EventSchema;
import io.smsgw.common.event.SmsEvent;

/**
 * Kafka serializer for every gateway event: JSON body, type and schema version as headers. Raw
 * bytes pass through unchanged, so that a record that could not be read goes to its dead-letter
 * topic exactly as it arrived.
 */
public class EventSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		return serialize(topic, null, data);
	}

	@Override
	public byte[] serialize(String topic, Headers headers, Object data) {
		if (data == null || data instanceof byte[]) {
			return (byte[]) data;
		}
		if (!(data instanceof SmsEvent event)) {
			throw new IllegalArgumentException("Not a gateway event: " + data.getClass().getName());
		}
		if (headers == null) {
			return EventJson.write(event);
		}
		EventSchema schema = EventJson.schemaOf(event.getClass());
		headers.remove(EventJson.TYPE_HEADER).remove(EventJson.VERSION_HEADER);
		headers.add(EventJson.TYPE_HEADER, schema.name().getBytes(StandardCharsets.UTF_8));
		headers.add(EventJson.VERSION_HEADER,
				Integer.toString(schema.version()).getBytes(StandardCharsets.UTF_8));
		return EventJson.write(event);
	}

}
