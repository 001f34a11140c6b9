package io.smsgw.webhook.http;

import java.net.URI;
import java.util.UUID;

/**
 * One signed HTTP attempt of a callback: where to, which event, the exact body bytes and the
 * signature header computed over them.
 *
 * @param target the endpoint, already accepted by the {@link TargetPolicy}
 * @param eventId the event id, sent as {@code X-Smsgw-Event-Id}
 * @param body the JSON body, byte for byte as signed
 * @param signature the {@code X-Smsgw-Signature} header value
 */
public record CallbackRequest(URI target, UUID eventId, byte[] body, String signature) {

	@Override
	public String toString() {
		return "CallbackRequest[target=" + Urls.redact(this.target) + ", eventId=" + this.eventId + "]";
	}

}
