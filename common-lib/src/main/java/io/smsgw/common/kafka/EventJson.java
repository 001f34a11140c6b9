package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.common.event.EventSchema;
import io.smsgw.common.event.SmsEvent;

/**
 * The JSON form of events, and the record headers that carry their type and schema version.
 */
public final class EventJson {

	/** Header with the event type name. */
	public static final String TYPE_HEADER = "sms-event-type";

	/** Header with the schema version. */
	public static final String VERSION_HEADER = "sms-schema-version";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(IsoInstants.module())
		.build();

	private static final ClassValue<EventSchema> SCHEMAS = new ClassValue<>() {
		@Override
		protected EventSchema computeValue(Class<?> type) {
			return type.getAnnotation(EventSchema.class);
		}
	};

	private EventJson() {
	}

	/** The schema annotation of an event type. */
	public static EventSchema schemaOf(Class<?> type) {
		EventSchema schema = SCHEMAS.get(type);
		if (schema == null) {
			throw new IllegalArgumentException(type.getName() + " is not annotated with @EventSchema");
		}
		return schema;
	}

	/** The event as UTF-8 JSON. */
	public static byte[] write(SmsEvent event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/** The event of a type from UTF-8 JSON; unknown properties (added by newer minor versions) are ignored. */
	public static <T> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	/** The event of a type from a JSON string. */
	public static <T> T read(String json, Class<T> type) {
		return read(json.getBytes(StandardCharsets.UTF_8), type);
	}

}
