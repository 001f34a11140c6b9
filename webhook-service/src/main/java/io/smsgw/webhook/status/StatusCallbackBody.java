package io.smsgw.webhook.status;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.subscription.EventTypes;

/**
 * The body tenants receive for a {@link StatusChanged}:
 * {@code {"eventId","type":"message.status","messageId","status","at","errorCode","detail"}}
 * with the status in lower case and {@code at} in ISO-8601 (UTC).
 */
public class StatusCallbackBody {

	/** The {@code type} of status callbacks. */
	public static final String TYPE = EventTypes.STATUS;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** The JSON body of a status change (the event must have its ids and status). */
	public byte[] bodyOf(StatusChanged event) {
		return this.mapper.writeValueAsBytes(new Body(event.eventId().toString(), TYPE, event.messageId().toString(),
				event.status().name().toLowerCase(Locale.ROOT), (event.at() != null) ? event.at().toString() : null,
				event.errorCode(), event.detail()));
	}

	@JsonPropertyOrder({ "eventId", "type", "messageId", "status", "at", "errorCode", "detail" })
	record Body(String eventId, String type, String messageId, String status, String at, String errorCode,
			String detail) {
	}

}
