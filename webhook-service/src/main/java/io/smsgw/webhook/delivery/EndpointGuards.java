package io.smsgw.webhook.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker per endpoint (host and port), so that one failing endpoint does not hurt the
 * others: while open, its deliveries wait (they are not claimed); after {@code waitInOpen} probes go
 * through. The bound on attempts in flight per endpoint is kept by the dispatcher's lanes. Exports
 * {@code sms.webhook.circuit.open{endpoint}} (1 while open).
 */
public class EndpointGuards {

	private static final Logger log = LoggerFactory.getLogger(EndpointGuards.class);

	private final CircuitBreakerConfig config;

	private final MeterRegistry meters;

	private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

	public EndpointGuards(CircuitBreakerConfig config, MeterRegistry meters) {
		this.config = config;
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
	 * half open here, so that probes are claimed).
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
		return blocked;
	}

	private static boolean isOpen(State state) {
		return state == State.OPEN || state == State.FORCED_OPEN;
	}

}
