package io.smsgw.webhook.inbound;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.common.event.InboundRouted;
import io.smsgw.webhook.subscription.EventTypes;

/**
 * The body tenants receive for an inbound message:
 * {@code {"eventId","type":"message.inbound","inboundId","from","to","body","keyword","action","complete","receivedAt"}}.
 */
class InboundCallbackBody {

	private final JsonMapper mapper = JsonMapper.builder().build();

	byte[] bodyOf(InboundRouted event) {
		return this.mapper.writeValueAsBytes(new Body(event.eventId().toString(), EventTypes.INBOUND,
				event.inboundId().toString(), event.from(), event.to(), event.body(), event.keyword(), event.action(),
				event.complete(), (event.receivedAt() != null) ? event.receivedAt().toString() : null));
	}

	@JsonPropertyOrder({ "eventId", "type", "inboundId", "from", "to", "body", "keyword", "action", "complete",
			"receivedAt" })
	record Body(String eventId, String type, String inboundId, String from, String to, String body, String keyword,
			String action, boolean complete, String receivedAt) {
	}

}
