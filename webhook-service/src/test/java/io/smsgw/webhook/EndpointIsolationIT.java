package io.smsgw.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.webhook.RecordingReceiver.Answer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow or dead endpoint never delays the others, and a failing endpoint's circuit opens (its
 * callbacks wait instead of hammering it) and closes again when it recovers.
 */
class EndpointIsolationIT extends WebhookITSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void slowAndDeadEndpointsDoNotDelayAHealthyOne() throws Exception {
		try (RecordingReceiver slow = RecordingReceiver.start(); RecordingReceiver healthy = RecordingReceiver.start()) {
			RecordingReceiver gone = RecordingReceiver.start();
			String deadUrl = gone.url("/dead");
			gone.close();
			Answer[] sleeps = new Answer[200];
			java.util.Arrays.fill(sleeps, Answer.after(Duration.ofMillis(3000), 200));
			slow.script("/slow", sleeps);
			List<StatusChanged> events = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				events.add(callback(slow.url("/slow")));
				events.add(callback(deadUrl));
			}
			publish(events.toArray(StatusChanged[]::new));
			List<StatusChanged> healthyEvents = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				healthyEvents.add(callback(healthy.url("/healthy")));
			}
			long start = System.nanoTime();

			publish(healthyEvents.toArray(StatusChanged[]::new));

			await().atMost(WAIT).until(() -> healthy.accepted("/healthy").size() == 30);
			long tookMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(tookMillis).as("30 callbacks to the healthy endpoint while the others fail").isLessThan(5000);
			// meanwhile the slow endpoint's callbacks all timed out (its answers come after the 2 s read timeout)
			assertThat(slow.requests("/slow")).isNotEmpty();
			assertThat(events.stream().filter((e) -> stateOf(e) == io.smsgw.webhook.delivery.DeliveryState.DELIVERED))
				.isEmpty();
			assertThat(healthy.accepted("/healthy")).extracting((r) -> body(r).get("eventId").asString())
				.containsExactlyInAnyOrderElementsOf(healthyEvents.stream().map((e) -> e.eventId().toString()).toList());
		}
	}

	@Test
	void circuitOfAFailingEndpointOpensHoldsItsCallbacksAndClosesWhenItRecovers() throws Exception {
		try (RecordingReceiver flaky = RecordingReceiver.start()) {
			flaky.answerAll(503);
			String endpoint = "127.0.0.1:" + flaky.port();
			List<StatusChanged> events = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				events.add(callback(flaky.url("/flaky")));
			}

			publish(events.toArray(StatusChanged[]::new));

			await().atMost(WAIT).until(() -> circuitOpen(endpoint) == 1.0);
			int atOpening = flaky.requests("/flaky").size();
			Thread.sleep(3000);
			// without the breaker 10 callbacks retried every 100-500 ms would make ~70 attempts in 3 s;
			// with it, one probe per second (each failing opens it again)
			assertThat(flaky.requests("/flaky").size() - atOpening).isLessThanOrEqualTo(5);

			flaky.answerAll(null);

			await().atMost(WAIT).until(() -> flaky.accepted("/flaky").size() == 10);
			assertThat(circuitOpen(endpoint)).isZero();
			assertThat(flaky.accepted("/flaky")).extracting((r) -> body(r).get("eventId").asString())
				.containsExactlyInAnyOrderElementsOf(events.stream().map((e) -> e.eventId().toString()).toList());
		}
	}

	private double circuitOpen(String endpoint) {
		Gauge gauge = this.meters.find("sms.webhook.circuit.open").tag("endpoint", endpoint).gauge();
		return (gauge != null) ? gauge.value() : -1;
	}

	private static StatusChanged callback(String url) {
		return StatusChanged.of(UUID.randomUUID(), "tenant-a", MessageStatus.SENT, Instant.now(), null, null, url);
	}

}
