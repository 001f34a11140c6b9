package io.smsgw.webhook.subscription;

import java.util.List;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.webhook.http.Urls;

/**
 * The tenant-settable fields of a subscription, validated.
 *
 * @param url the endpoint
 * @param eventTypes event types sent to it (at least one)
 * @param statuses for {@code message.status}: the statuses sent; empty for all
 * @param description the tenant's note, or {@code null}
 * @param enabled whether events are sent to it
 */
public record SubscriptionDraft(String url, List<String> eventTypes, List<MessageStatus> statuses,
		String description, boolean enabled) {

	public SubscriptionDraft {
		eventTypes = List.copyOf(eventTypes);
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
	}

	/** Without the URL's query, fragment and user info, which may carry the tenant's tokens. */
	@Override
	public String toString() {
		return "SubscriptionDraft[url=" + Urls.redact(this.url) + ", eventTypes=" + this.eventTypes + ", statuses="
				+ this.statuses + ", enabled=" + this.enabled + "]";
	}

}
