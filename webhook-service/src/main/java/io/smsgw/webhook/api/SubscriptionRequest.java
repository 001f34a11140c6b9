package io.smsgw.webhook.api;

import java.util.List;

import io.smsgw.webhook.http.Urls;

/**
 * A subscription as a tenant sends it: all fields on creation (url and eventTypes required), only
 * the fields to change on update.
 *
 * @param url the endpoint: absolute http(s), not resolving to a non-public address
 * @param eventTypes {@code message.status} and/or {@code message.inbound}
 * @param statuses for {@code message.status}: only these statuses (lower case); absent or empty for all
 * @param description a note, at most 500 characters
 * @param enabled whether events are sent (default true)
 */
record SubscriptionRequest(String url, List<String> eventTypes, List<String> statuses, String description,
		Boolean enabled) {

	/** Without the URL's query, fragment and user info, which may carry the tenant's tokens. */
	@Override
	public String toString() {
		return "SubscriptionRequest[url=" + ((this.url != null) ? Urls.redact(this.url) : null) + ", eventTypes="
				+ this.eventTypes + ", statuses=" + this.statuses + ", enabled=" + this.enabled + "]";
	}

}
