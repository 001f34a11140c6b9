package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the API accepted and stored; published through the API's transactional outbox.
 *
 * @param messageId the gateway's id of the message
 * @param tenantId the tenant that sent it
 * @param to destination in E.164 with a leading {@code +}
 * @param from sender id: E.164 number, short code or alphanumeric
 * @param body the text as the tenant sent it
 * @param encoding the encoding the codec chose
 * @param segments the number of parts the message is sent in
 * @param callbackUrl where status callbacks go, or {@code null}
 * @param acceptedAt when the API accepted it
 * @param messageType transactional (the default when absent) or marketing
 * @param validUntil when the network should give up delivering it, or {@code null} for the
 * network's default
 */
@EventSchema(name = "MessageAccepted", version = 1)
public record MessageAccepted(UUID messageId, String tenantId, String to, String from, String body,
		String encoding, int segments, String callbackUrl, Instant acceptedAt, MessageType messageType,
		Instant validUntil) implements SmsEvent {

	public MessageAccepted {
		messageType = (messageType != null) ? messageType : MessageType.TRANSACTIONAL;
	}

	/** A transactional message with the network's default validity. */
	public MessageAccepted(UUID messageId, String tenantId, String to, String from, String body, String encoding,
			int segments, String callbackUrl, Instant acceptedAt) {
		this(messageId, tenantId, to, from, body, encoding, segments, callbackUrl, acceptedAt, null, null);
	}

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
