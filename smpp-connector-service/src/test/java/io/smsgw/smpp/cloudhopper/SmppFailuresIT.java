package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/** What the connector does when the SMSC refuses, throttles or drops the bind. */
class SmppFailuresIT extends SmppConnectorITSupport {

	@org.springframework.beans.factory.annotation.Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void permanentErrorFailsTheMessageAsNotRetriable() {
		List<DispatchRequest> requests = this.topics.dispatch("perm", "+4915100000010", "ACME",
				List.of("one", "two", "three"));
		Set<UUID> ids = ids(requests);
		List<DispatchFailed> failed = this.topics.await(DispatchFailed.class, (e) -> ids.contains(e.messageId()), 3,
				Duration.ofSeconds(30));
		assertThat(failed).hasSize(3).allSatisfy((e) -> {
			assertThat(e.connectorId()).isEqualTo("perm");
			assertThat(e.errorCode()).isEqualTo("0x0000000B");
			assertThat(e.retriable()).isFalse();
			assertThat(e.reason()).contains("ESME_RINVDSTADR");
			assertThat(e.attempt()).isEqualTo(1);
		});
		assertThat(this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()), Duration.ofMillis(500)))
			.isEmpty();
	}

	@Test
	void connectionThatNeverBindsHandsItsMessagesBackToTheRouterAfterAWhile() {
		long start = System.currentTimeMillis();
		Set<UUID> ids = ids(this.topics.dispatch("nowhere", "+4915100000015", "ACME", List.of("one", "two")));
		List<DispatchFailed> failed = this.topics.await(DispatchFailed.class, (e) -> ids.contains(e.messageId()), 2,
				Duration.ofSeconds(40));
		assertThat(failed).hasSize(2).allSatisfy((e) -> {
			assertThat(e.connectorId()).isEqualTo("nowhere");
			assertThat(e.errorCode()).isEqualTo(io.smsgw.common.kafka.DispatchListener.CONNECTOR_UNAVAILABLE);
			assertThat(e.retriable()).as("another connector may send it").isTrue();
			assertThat(e.request()).as("the router needs the request to fail over").isNotNull();
		});
		assertThat(System.currentTimeMillis() - start).as("requeued for the hand-back time (4 s) first")
			.isGreaterThanOrEqualTo(4000);
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ofSeconds(1)))
			.as("handed back once each, not requeued again").hasSize(2);
		assertThat(this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()), Duration.ZERO)).isEmpty();
	}

	@Test
	void throttledMessagesAreEventuallySentExactlyOnce() {
		List<String> bodies = IntStream.range(0, 40).mapToObj((i) -> "Throttled " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("throttle", "+4915100000011", "ACME", bodies));
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 40, Duration.ofSeconds(90));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(2));
		assertThat(sent).hasSize(40).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		List<ReceivedSubmit> submits = THROTTLING.submits()
			.stream()
			.filter((s) -> s.destAddr().equals("4915100000011"))
			.toList();
		assertThat(submits.stream().filter(ReceivedSubmit::accepted)).hasSize(40);
		assertThat(submits.size()).as("throttled submits were seen and retried").isGreaterThan(40);
		assertThat(this.meters.get("smpp.throttled").tags("connector", "throttle").counter().count())
			.as("throttle answers counted (each slows the connection down)").isEqualTo(submits.size() - 40);
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();
	}

	@Test
	void reconnectsWhenTheBindDropsAndSendsWhatWaited() throws Exception {
		awaitLinksUp("restart", 1);
		int port = FIRST_RESTARTABLE.port();
		FIRST_RESTARTABLE.close();
		awaitLinksUp("restart", 0);
		Set<UUID> ids = ids(this.topics.dispatch("restart", "+4915100000012", "ACME", List.of("a", "b", "c")));
		Thread.sleep(500);
		try (SmscSimulator restarted = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(port))) {
			List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 3,
					Duration.ofSeconds(30));
			assertThat(connector("restart").links().up()).isEqualTo(1);
			assertThat(restarted.bindCount()).isGreaterThanOrEqualTo(1);
			Map<UUID, MessageSent> byId = sent.stream()
				.collect(Collectors.toMap(MessageSent::messageId, Function.identity(), (a, b) -> a));
			assertThat(byId).hasSize(3);
			assertThat(restarted.acceptedSubmits()).hasSize(3);
		}
	}

	@Test
	void queueFullAnswersSlowDownAndRetryUntilEachMessageIsSentOnce() {
		List<String> bodies = IntStream.range(0, 20).mapToObj((i) -> "Queue full " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("queuefull", "+4915100000013", "ACME", bodies));
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 20, Duration.ofSeconds(90));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(2));
		assertThat(sent).hasSize(20).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		List<ReceivedSubmit> submits = QUEUE_FULL.submits()
			.stream()
			.filter((s) -> s.destAddr().equals("4915100000013"))
			.toList();
		assertThat(submits.stream().filter(ReceivedSubmit::accepted)).hasSize(20);
		long queueFull = submits.stream().filter((s) -> s.commandStatus() == SmscSimulatorConfig.STATUS_QUEUE_FULL).count();
		assertThat(queueFull).as("ESME_RMSGQFUL answers").isPositive().isEqualTo(submits.size() - 20);
		assertThat(this.meters.get("smpp.throttled").tags("connector", "queuefull").counter().count())
			.as("queue-full answers counted as throttling").isEqualTo(queueFull);
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();
	}

	@Test
	void responseTimeoutsRequeueUntilTheSmscAnswersInTimeAndLoseNothing() throws Exception {
		List<String> bodies = IntStream.range(0, 5).mapToObj((i) -> "Slow " + i).toList();
		Set<UUID> ids = ids(this.topics.dispatch("slow", "+4915100000014", "ACME", bodies));
		try {
			// every first try times out (answer after 1.5 s, timeout 500 ms) and is requeued and tried again
			long deadline = System.currentTimeMillis() + 30_000;
			while (slowSubmits().size() < 10) {
				assertThat(System.currentTimeMillis()).as("timed-out submits tried again").isLessThan(deadline);
				Thread.sleep(50);
			}
			assertThat(this.meters.get("smpp.submits").tags("connector", "slow", "status", "none").counter().count())
				.as("response timeouts counted").isGreaterThanOrEqualTo(5);
			assertThat(this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()), Duration.ofMillis(300)))
				.as("a late submit_sm_resp does not make a message sent").isEmpty();
		}
		finally {
			SLOW.setResponseDelay(Duration.ZERO);
		}
		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 5, Duration.ofSeconds(30));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(1));
		assertThat(sent).hasSize(5).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(sent).flatExtracting(MessageSent::parts).extracting(MessageSent.SentPart::networkMessageId)
			.doesNotHaveDuplicates().hasSize(5);
		Set<String> texts = slowSubmits().stream()
			.map((s) -> new String(s.payload(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.collect(Collectors.toSet());
		assertThat(texts).as("each message reached the SMSC (maybe more than once)").containsExactlyInAnyOrderElementsOf(bodies);
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();
	}

	private static List<ReceivedSubmit> slowSubmits() {
		return SLOW.submits().stream().filter((s) -> s.destAddr().equals("4915100000014")).toList();
	}

	private static Set<UUID> ids(List<DispatchRequest> requests) {
		return requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
	}

}
