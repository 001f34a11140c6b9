package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * One signed HTTP attempt of a callback: where to, which event, the exact body bytes and the
 * signature header computed over them, and, once checked, the addresses it may connect to.
 *
 * @param target the endpoint, already accepted by the {@link TargetPolicy}
 * @param eventId the event id, sent as {@code X-Smsgw-Event-Id}
 * @param body the JSON body, byte for byte as signed
 * @param signature the {@code X-Smsgw-Signature} header value
 * @param addresses the target host's addresses as checked by the {@link AddressCheckingSender}:
 * the sender connects to one of these and never resolves the host again (empty: not pinned)
 */
public record CallbackRequest(URI target, UUID eventId, byte[] body, String signature, List<InetAddress> addresses) {

	public CallbackRequest {
		addresses = (addresses != null) ? List.copyOf(addresses) : List.of();
	}

	/** A request not yet pinned to checked addresses. */
	public CallbackRequest(URI target, UUID eventId, byte[] body, String signature) {
		this(target, eventId, body, signature, List.of());
	}

	/** This request, pinned to the given checked addresses. */
	public CallbackRequest pinnedTo(List<InetAddress> checked) {
		return new CallbackRequest(this.target, this.eventId, this.body, this.signature, checked);
	}

	@Override
	public String toString() {
		return "CallbackRequest[target=" + Urls.redact(this.target) + ", eventId=" + this.eventId + "]";
	}

}
