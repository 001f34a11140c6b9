package io.smsgw.api.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import io.smsgw.api.tenant.Tenant;

/**
 * The intake's counters: {@code sms.messages.accepted} and {@code sms.messages.rejected} (by
 * reason), per tenant.
 */
@Component
class IntakeMeters {

	private final MeterRegistry meters;

	IntakeMeters(MeterRegistry meters) {
		this.meters = meters;
	}

	void accepted(String tenantId, long count) {
		if (count > 0) {
			Counter.builder("sms.messages.accepted")
				.description("Messages accepted by the API")
				.tag("tenant", tenantId)
				.register(this.meters)
				.increment(count);
		}
	}

	void rejected(Tenant tenant, String reason, long count) {
		if (count > 0) {
			Counter.builder("sms.messages.rejected")
				.description("Messages the API refused, by reason")
				.tag("tenant", tenant.getId())
				.tag("reason", reason)
				.register(this.meters)
				.increment(count);
		}
	}

}
