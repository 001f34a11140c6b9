package io.smsgw.webhook.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps one endpoint (host and port) from hurting the others: a circuit breaker per endpoint
 * (open: its deliveries wait, after {@code waitInOpen} probes go through) and a bound on attempts in
 * flight per endpoint. Exports {@code sms.webhook.circuit.open{endpoint}} (1 while open).
 */
public class EndpointGuards {

	private static final Logger log = LoggerFactory.getLogger(EndpointGuards.class);

	private final CircuitBreakerConfig config;

	private final int perEndpoint;

	private final MeterRegistry meters;

	private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

	private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

	public EndpointGuards(CircuitBreakerConfig config, int perEndpoint, MeterRegistry meters) {
		this.config = config;
		this.perEndpoint = perEndpoint;
		this.meters = meters;
	}

	/** The endpoint's breaker, created closed on first use. */
	public CircuitBreaker breaker(String endpoint) {
		return this.breakers.computeIfAbsent(endpoint, (name) -> {
			CircuitBreaker breaker = CircuitBreaker.of(name, this.config);
			breaker.getEventPublisher()
				.onStateTransition((event) -> log.warn("Circuit of webhook endpoint {}: {}", name,
						event.getStateTransition()));
			Gauge.builder("sms.webhook.circuit.open", breaker, (b) -> isOpen(b.getState()) ? 1 : 0)
				.description("1 while the endpoint's circuit breaker is open (its callbacks wait)")
				.tag("endpoint", name)
				.register(this.meters);
			return breaker;
		});
	}

	/**
	 * Endpoints whose deliveries must not be claimed now: breaker open (one whose wait is over turns
	 * half open here, so that probes are claimed), or all of this instance's permits in use.
	 */
	Set<String> blocked() {
		this.breakers.values().forEach((breaker) -> {
			if (breaker.getState() == State.OPEN && breaker.tryAcquirePermission()) {
				breaker.releasePermission();
			}
		});
		Set<String> blocked = this.breakers.entrySet()
			.stream()
			.filter((entry) -> isOpen(entry.getValue().getState()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		this.permits.forEach((endpoint, semaphore) -> {
			if (semaphore.availablePermits() == 0) {
				blocked.add(endpoint);
			}
		});
		return blocked;
	}

	/** Takes one of the endpoint's in-flight permits, if one is free. */
	boolean tryAcquire(String endpoint) {
		return this.permits.computeIfAbsent(endpoint, (name) -> new Semaphore(this.perEndpoint)).tryAcquire();
	}

	/** Gives back a permit taken with {@link #tryAcquire}. */
	void release(String endpoint) {
		this.permits.get(endpoint).release();
	}

	private static boolean isOpen(State state) {
		return state == State.OPEN || state == State.FORCED_OPEN;
	}

}
