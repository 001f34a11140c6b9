package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.simulator.smsc.ReceivedSubmit;

/** Submits of one connection spread over its binds. */
class SmppBindsIT extends SmppConnectorITSupport {

	@Test
	void submitsGoRoundRobinOverBothBinds() {
		List<String> bodies = IntStream.range(0, 10).mapToObj((i) -> "Spread " + i).toList();
		Set<UUID> ids = this.topics.dispatch("paced", "+4915100000030", "ACME", bodies)
			.stream()
			.map(DispatchRequest::messageId)
			.collect(Collectors.toSet());
		List<MessageSent> sent = this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 10,
				Duration.ofSeconds(30));
		assertThat(sent).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		List<ReceivedSubmit> submits = PACED.submits()
			.stream()
			.filter((s) -> s.destAddr().equals("4915100000030"))
			.toList();
		assertThat(submits).hasSize(10).allMatch(ReceivedSubmit::accepted);
		Map<Long, Long> perSession = submits.stream()
			.collect(Collectors.groupingBy(ReceivedSubmit::sessionId, Collectors.counting()));
		assertThat(perSession).as("submits per bound session").hasSize(2);
		assertThat(perSession.values()).as("round robin over two binds").allSatisfy((n) -> assertThat(n).isBetween(4L, 6L));
	}

}
