package io.smsgw.webhook.delivery;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.smsgw.webhook.http.CallbackResponse;

/**
 * The service's meters: {@code sms.webhook.deliveries{outcome,type}}, {@code sms.webhook.retries},
 * the per-attempt timer {@code sms.webhook.delivery.latency{result}}, the gauge
 * {@code sms.webhook.pending} and {@code sms.webhook.dead.letters{topic}}.
 */
public class DeliveryMetrics {

	/** Outcome tag values of {@code sms.webhook.deliveries}. */
	public static final String DELIVERED = "delivered", DUPLICATE = "duplicate", EXHAUSTED = "exhausted",
			NO_SECRET = "no_secret", REJECTED_TARGET = "rejected_target";

	private final MeterRegistry registry;

	private final Counter retries;

	private final AtomicLong pending = new AtomicLong();

	public DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.retries = Counter.builder("sms.webhook.retries")
			.description("Callback attempts that failed and were scheduled again")
			.register(registry);
		Gauge.builder("sms.webhook.pending", this.pending, AtomicLong::get)
			.description("Deliveries queued and not yet accepted by their endpoint")
			.register(registry);
	}

	/** Counts a delivery's outcome. */
	public void outcome(String outcome) {
		Counter.builder("sms.webhook.deliveries")
			.description("Callbacks by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void retry() {
		this.retries.increment();
	}

	void deadLetter(String topic) {
		Counter.builder("sms.webhook.dead.letters")
			.description("Callbacks given up and published to a dead-letter topic")
			.tag("topic", topic)
			.register(this.registry)
			.increment();
	}

	void pending(long count) {
		this.pending.set(count);
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
