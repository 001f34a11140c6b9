package io.smsgw.router.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.infra.KafkaTestClient;
import io.smsgw.router.CrashOnceConfiguration;
import io.smsgw.router.RouterTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RouterTest
class RouterIT {

	static final String CRASH_ONCE = CrashOnceConfiguration.CRASH_ONCE;

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Autowired
	MeterRegistry meters;

	@Test
	void acceptedMessageIsDispatchedToTheDefaultConnectorWithTheSameFields() {
		MessageAccepted accepted = accepted("+15551234567", "hello");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);

		List<SmsEvent> dispatched = KafkaTestClient.readValues(Topics.dispatch("it-default"), of(accepted), 1);

		assertThat(dispatched).containsExactly(new DispatchRequest(accepted.messageId(), "tenant-a", "it-default",
				"+15551234567", "ACME", "hello", 1, accepted.acceptedAt()));
		assertThat(this.meters.get("sms.router.routed").tags("tenant", "tenant-a", "connector", "it-default").counter().count())
			.isGreaterThan(0);
	}

	@Test
	void longestPrefixRouteWinsOverShorterOneAndDefault() {
		MessageAccepted mobile = accepted("+4917612345678", "to a German mobile");
		MessageAccepted landline = accepted("+49301234567", "to a German landline");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, mobile, landline);

		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-de-mobile"), of(mobile), 1)).hasSize(1);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-de"), of(landline), 1)).hasSize(1);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(mobile, landline), 0)).isEmpty();
	}

	@Test
	void destinationThatIsNotANumberFailsWithNoRoute() {
		MessageAccepted accepted = accepted("not-a-number", "nowhere");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);

		List<SmsEvent> failed = KafkaTestClient.readValues(Topics.MT_FAILED, of(accepted), 1);

		assertThat(failed).singleElement().isInstanceOfSatisfying(MessageFailed.class, (f) -> {
			assertThat(f.reasonCode()).isEqualTo("NO_ROUTE");
			assertThat(f.errorCode()).isNull();
		});
		assertThat(this.meters.get("sms.router.no.route").counter().count()).isGreaterThan(0);
	}

	@Test
	void dispatchFailureBecomesAFinalMessageFailureWithTheConnectorsCode() {
		UUID permanent = UUID.randomUUID();
		UUID transientFailure = UUID.randomUUID();
		KafkaTestClient.publish(Topics.MT_DISPATCH_FAILED,
				new DispatchFailed(permanent, "it-default", 1, "0x0000000B", "Invalid destination", false, now(), null),
				new DispatchFailed(transientFailure, "it-default", 1, "0x00000008", "System error", true, now(), null));

		List<SmsEvent> failed = KafkaTestClient.readValues(Topics.MT_FAILED,
				(e) -> Set.of(permanent, transientFailure).contains(((MessageFailed) e).messageId()), 2);

		assertThat(failed).hasSize(2)
			.extracting((e) -> (MessageFailed) e)
			.extracting(MessageFailed::messageId, MessageFailed::reasonCode, MessageFailed::errorCode,
					MessageFailed::detail)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(permanent, "PERMANENT_FAILURE", "0x0000000B",
							"Invalid destination"),
					org.assertj.core.groups.Tuple.tuple(transientFailure, "ALL_ROUTES_FAILED", "0x00000008",
							"System error"));
	}

	@Test
	void unreadableRecordGoesToTheDeadLetterTopicAndDoesNotStopThePartition() {
		KafkaTestClient.publishRaw(Topics.MT_ACCEPTED, "poison", "{not json".getBytes());
		MessageAccepted after = accepted("+15550001111", "after the poison");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, after);

		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(after), 1)).hasSize(1);
		assertThat(this.meters.counter("sms.router.dead.letters", "topic", Topics.MT_ACCEPTED).count())
			.isGreaterThan(0);
	}

	@Test
	void recordThatBreaksRoutingGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsRouted() {
		// readable, but routing it throws (CrashOnceConfiguration's stand-in for a bug in routing code)
		MessageAccepted broken = accepted("+15550002221", CrashOnceConfiguration.BREAKS_ROUTING);
		MessageAccepted after = accepted("+15550002222", "after the broken one");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, broken, after);

		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(after), 1)).hasSize(1);
		assertThat(KafkaTestClient.countRaw(Topics.deadLetter(Topics.MT_ACCEPTED), broken.messageId().toString(), 1,
				Duration.ofSeconds(20))).isEqualTo(1);
		assertThat(KafkaTestClient.readValues(Topics.MT_FAILED, of(broken), 0)).isEmpty();
	}

	@Test
	void crashAfterDispatchAndRedeliveryAndRestartDispatchExactlyOnce() {
		MessageAccepted accepted = accepted("+15557654321", CRASH_ONCE);
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);

		// The first try published the request, then failed before the commit: its transaction
		// was aborted, the record was redelivered and dispatched again, this time committed.
		List<ConsumerRecord<String, SmsEvent>> all = KafkaTestClient.read(Topics.dispatch("it-default"),
				of(accepted), 2, Duration.ofSeconds(20), Duration.ofMillis(500), false);
		assertThat(all).as("written, including the aborted attempt").hasSize(2);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(accepted), 1))
			.as("visible to read_committed consumers").hasSize(1);

		MessageListenerContainer container = this.registry.getListenerContainer("router-accepted");
		container.stop();
		container.start();
		MessageAccepted next = accepted("+15557654322", "after restart");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, next);

		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(next), 1)).hasSize(1);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(accepted), 1)).hasSize(1);
	}

	@Test
	void aSecondRecordOfAnAcceptedMessageIsNotDispatchedAgain() {
		MessageAccepted accepted = accepted("+15551230001", "sent once");
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(accepted), 1)).hasSize(1);
		double skipped = skippedDuplicates();

		// the API's outbox relay sends a row again when it could not delete it after Kafka acknowledged it
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);
		KafkaTestClient.publish(Topics.MT_ACCEPTED, accepted);

		await().atMost(Duration.ofSeconds(30)).until(() -> skippedDuplicates() >= skipped + 2);
		assertThat(KafkaTestClient.readValues(Topics.dispatch("it-default"), of(accepted), 1)).hasSize(1);
	}

	private double skippedDuplicates() {
		Counter counter = this.meters.find("sms.router.duplicates.skipped").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static MessageAccepted accepted(String to, String body) {
		return new MessageAccepted(UUID.randomUUID(), "tenant-a", to, "ACME", body, "GSM7", 1, null, now());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static java.util.function.Predicate<SmsEvent> of(MessageAccepted... messages) {
		Set<UUID> ids = java.util.Arrays.stream(messages).map(MessageAccepted::messageId).collect(java.util.stream.Collectors.toSet());
		return (event) -> (event instanceof DispatchRequest r && ids.contains(r.messageId()))
				|| (event instanceof MessageFailed f && ids.contains(f.messageId()));
	}

}
