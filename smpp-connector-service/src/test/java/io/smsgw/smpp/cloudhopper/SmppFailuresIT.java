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

	private static Set<UUID> ids(List<DispatchRequest> requests) {
		return requests.stream().map(DispatchRequest::messageId).collect(Collectors.toSet());
	}

}
