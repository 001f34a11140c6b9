package io.smsgw.webhook.status;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.delivery.Callback;

/**
 * Turns a {@link StatusChanged} into the callback tenants receive:
 * {@code {"eventId","type":"message.status","messageId","status","at","errorCode","detail"}}
 * with the status in lower case and {@code at} in ISO-8601 (UTC).
 */
public class StatusCallbackBody {

	/** The {@code type} of status callbacks. */
	public static final String TYPE = "message.status";

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** The callback of a status change (the event must have its ids, tenant and status). */
	public Callback callbackOf(StatusChanged event) {
		Body body = new Body(event.eventId().toString(), TYPE, event.messageId().toString(),
				event.status().name().toLowerCase(Locale.ROOT), (event.at() != null) ? event.at().toString() : null,
				event.errorCode(), event.detail());
		return new Callback(event.eventId(), event.messageId(), event.tenantId(), TYPE, event.callbackUrl(),
				this.mapper.writeValueAsBytes(body));
	}

	@JsonPropertyOrder({ "eventId", "type", "messageId", "status", "at", "errorCode", "detail" })
	record Body(String eventId, String type, String messageId, String status, String at, String errorCode,
			String detail) {
	}

}
