package io.smsgw.webhook.delivery;

import java.util.List;

/**
 * A delivery this instance claimed, with the signing secrets looked up for it when it was claimed.
 *
 * @param job the delivery
 * @param secrets its subscription's secrets (newest first) or its tenant's; empty when there is none
 */
record Claimed(DeliveryJob job, List<String> secrets) {

	String endpoint() {
		return this.job.endpoint();
	}

	@Override
	public String toString() {
		return this.job.toString();
	}

}
