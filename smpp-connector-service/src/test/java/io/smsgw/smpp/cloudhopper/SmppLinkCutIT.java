package io.smsgw.smpp.cloudhopper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.simulator.smsc.ReceivedSubmit;

/**
 * The SMSC connection cut in the middle of a poll, no process killed: the messages the SMSC had
 * answered are not submitted again; only those without an answer are.
 */
class SmppLinkCutIT extends SmppConnectorITSupport {

	private static final String TO = "4915100000031";

	@Test
	void aCutMidWindowResubmitsOnlyTheUnansweredMessages() throws Exception {
		awaitLinksUp("cut", 1);
		List<String> bodies = IntStream.range(0, 30).mapToObj((i) -> "Cut " + i).toList();
		Set<UUID> ids = this.topics.dispatch("cut", "+" + TO, "ACME", bodies)
			.stream()
			.map(DispatchRequest::messageId)
			.collect(Collectors.toSet());
		// 20 submits per second: cut once 10 were answered, with the poll's other messages still to go
		long deadline = System.currentTimeMillis() + 30_000;
		while (submits().size() < 10) {
			assertThat(System.currentTimeMillis()).as("first submits").isLessThan(deadline);
			Thread.sleep(5);
		}
		CUT.dropConnectionAfter(3);

		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 30, Duration.ofSeconds(60));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(2));
		assertThat(sent).hasSize(30).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();

		List<ReceivedSubmit> submits = submits();
		long firstSession = submits.get(0).sessionId();
		Set<String> answeredBeforeTheCut = submits.stream()
			.filter((s) -> s.sessionId() == firstSession && s.accepted())
			.map(SmppLinkCutIT::text)
			.collect(Collectors.toSet());
		Set<String> unanswered = submits.stream()
			.filter((s) -> s.commandStatus() == ReceivedSubmit.UNANSWERED)
			.map(SmppLinkCutIT::text)
			.collect(Collectors.toSet());
		Map<String, Long> acceptedPerBody = submits.stream()
			.filter(ReceivedSubmit::accepted)
			.collect(Collectors.groupingBy(SmppLinkCutIT::text, Collectors.counting()));
		assertThat(unanswered).as("submits the cut left unanswered").hasSize(3);
		assertThat(answeredBeforeTheCut).as("answered before the cut").hasSizeGreaterThanOrEqualTo(10);
		assertThat(acceptedPerBody).as("every message taken by the SMSC").containsOnlyKeys(bodies);
		assertThat(acceptedPerBody).as("each message taken exactly once (answered ones not submitted again)")
			.allSatisfy((body, count) -> assertThat(count).as(body).isEqualTo(1L));
		assertThat(CUT.bindCount()).as("bound again after the cut").isGreaterThanOrEqualTo(2);
	}

	/**
	 * As the benchmark's {@code smsc-drop}: the SMSC's answers are lost on the way for a moment,
	 * then the connections are cut. The submits whose answer reached the connector go out once;
	 * those the SMSC took but whose answer never arrived go out again (at least once at the SMSC),
	 * which the simulator's ledger, counting what it took, shows as "submitted twice".
	 */
	@Test
	void answersLostInTheCutAreTheOnlyMessagesSubmittedAgain() throws Exception {
		awaitLinksUp("relay", 1);
		List<String> bodies = IntStream.range(0, 40).mapToObj((i) -> "Held " + i).toList();
		Set<UUID> ids = this.topics.dispatch("relay", "+" + HELD_TO, "ACME", bodies)
			.stream()
			.map(DispatchRequest::messageId)
			.collect(Collectors.toSet());
		long deadline = System.currentTimeMillis() + 30_000;
		while (RELAY.answersPassedOn().size() < 10) {
			assertThat(System.currentTimeMillis()).as("first answers").isLessThan(deadline);
			Thread.sleep(5);
		}
		RELAY.holdAnswers();
		Thread.sleep(300);
		Set<String> answered = RELAY.answersPassedOn();
		RELAY.cut();

		this.topics.await(MessageSent.class, (e) -> ids.contains(e.messageId()), 40, Duration.ofSeconds(60));
		List<MessageSent> sent = this.topics.settle(MessageSent.class, (e) -> ids.contains(e.messageId()),
				Duration.ofSeconds(2));
		assertThat(sent).hasSize(40).extracting(MessageSent::messageId).doesNotHaveDuplicates();
		assertThat(this.topics.settle(DispatchFailed.class, (e) -> ids.contains(e.messageId()), Duration.ZERO))
			.isEmpty();

		List<ReceivedSubmit> submits = HELD.submits().stream().filter((s) -> s.destAddr().equals(HELD_TO)).toList();
		Map<String, Long> acceptedPerBody = submits.stream()
			.filter(ReceivedSubmit::accepted)
			.collect(Collectors.groupingBy(SmppLinkCutIT::text, Collectors.counting()));
		Set<String> answeredBodies = submits.stream()
			.filter((s) -> answered.contains(s.messageId()))
			.map(SmppLinkCutIT::text)
			.collect(Collectors.toSet());
		Set<String> lostAnswers = submits.stream()
			.filter((s) -> s.accepted() && !answered.contains(s.messageId()) && answeredBodies.stream().noneMatch(text(s)::equals))
			.map(SmppLinkCutIT::text)
			.collect(Collectors.toSet());
		assertThat(acceptedPerBody).as("every message taken by the SMSC").containsOnlyKeys(bodies);
		assertThat(answeredBodies).as("answers that reached the connector before the cut").hasSizeGreaterThanOrEqualTo(10);
		assertThat(answeredBodies).as("answered messages are not submitted again")
			.allSatisfy((body) -> assertThat(acceptedPerBody.get(body)).as(body).isEqualTo(1L));
		long twice = acceptedPerBody.values().stream().filter((n) -> n > 1).count();
		System.out.printf("relay cut: %d answered before the cut (each taken once), %d taken twice (answer lost in the cut)%n",
				answeredBodies.size(), twice);
		assertThat(acceptedPerBody.entrySet().stream().filter((e) -> e.getValue() > 1).map(Map.Entry::getKey))
			.as("only messages whose answer was lost are taken twice").allMatch(lostAnswers::contains);
	}

	private static final String HELD_TO = "4915100000032";

	private static List<ReceivedSubmit> submits() {
		return CUT.submits().stream().filter((s) -> s.destAddr().equals(TO)).toList();
	}

	private static String text(ReceivedSubmit submit) {
		return new String(submit.payload(), StandardCharsets.ISO_8859_1);
	}

}
