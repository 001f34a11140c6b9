package io.smsgw.webhook.delivery;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.smsgw.webhook.http.CallbackResponse;

/**
 * The service's meters: {@code sms.webhook.deliveries{outcome}}, {@code sms.webhook.retries} and
 * the per-attempt timer {@code sms.webhook.delivery.latency{result}}.
 */
public class DeliveryMetrics {

	/** Outcome tag values of {@code sms.webhook.deliveries}. */
	public static final String DELIVERED = "delivered", DUPLICATE = "duplicate", EXHAUSTED = "exhausted",
			NO_SECRET = "no_secret", REJECTED_TARGET = "rejected_target";

	private final MeterRegistry registry;

	private final Counter retries;

	public DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.retries = Counter.builder("sms.webhook.retries")
			.description("Callback attempts that failed and were scheduled again")
			.register(registry);
	}

	void outcome(String outcome) {
		Counter.builder("sms.webhook.deliveries")
			.description("Callbacks by final outcome of a pass")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void retry() {
		this.retries.increment();
	}

	void attempt(CallbackResponse response) {
		String result = response.accepted() ? "2xx" : (response.status() != null) ? "non_2xx" : "no_answer";
		Timer.builder("sms.webhook.delivery.latency")
			.description("Duration of one HTTP callback attempt")
			.tag("result", result)
			.register(this.registry)
			.record(response.elapsed().toNanos(), TimeUnit.NANOSECONDS);
	}

}
