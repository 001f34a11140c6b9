package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * Feeds one connector from its dispatch topic. A whole poll is dispatched at once (the connector
 * keeps many in flight), and the batch is acknowledged only once every outcome is on Kafka: a
 * message is never acknowledged before the network answered or it was handed back. A requeued
 * message is published again on the dispatch topic before the acknowledgement, then the listener
 * pauses so that a connector with no link up is not spun on. A message requeued for longer than
 * the hand-back time (a header on the requeued record says since when) while its connector has no
 * link up is handed back to the router as a retriable {@link DispatchFailed} with {@link #CONNECTOR_UNAVAILABLE}, so that it can
 * go through another connector of its route. An outcome whose publication fails is published
 * again, never dispatched again (see {@link #publish(List, List)}).
 */
public class DispatchListener implements BatchAcknowledgingMessageListener<String, SmsEvent> {

	private static final Logger log = LoggerFactory.getLogger(DispatchListener.class);

	/** Error code of a message handed back because its connector had no link up for too long. */
	public static final String CONNECTOR_UNAVAILABLE = "CONNECTOR_UNAVAILABLE";

	/** First pause before outcomes whose publication failed are published again (times the attempt). */
	private static final long PUBLISH_RETRY_MILLIS = 500;

	/** Header of a requeued dispatch: when it was first requeued (epoch milliseconds). */
	static final String REQUEUED_SINCE_HEADER = "sms-requeued-since";

	private final SmsConnector connector;

	private final KafkaOperations<String, Object> kafka;

	private final Duration outcomeTimeout;

	private final Duration requeuePause;

	private final Duration handBackAfter;

	private final Clock clock;

	public DispatchListener(SmsConnector connector, KafkaOperations<String, Object> kafka, Duration outcomeTimeout,
			Duration requeuePause, Duration handBackAfter, Clock clock) {
		this.connector = connector;
		this.kafka = kafka;
		this.outcomeTimeout = outcomeTimeout;
		this.requeuePause = requeuePause;
		this.handBackAfter = handBackAfter;
		this.clock = clock;
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, SmsEvent>> records, Acknowledgment ack) {
		List<DispatchRequest> requests = new ArrayList<>(records.size());
		List<Long> requeuedSince = new ArrayList<>(records.size());
		List<CompletableFuture<DispatchOutcome>> outcomes = new ArrayList<>(records.size());
		for (ConsumerRecord<String, SmsEvent> record : records) {
			if (record.value() instanceof DispatchRequest request) {
				requests.add(request);
				requeuedSince.add(requeuedSince(record));
				outcomes.add(dispatch(request));
			}
		}
		List<ProducerRecord<String, Object>> results = new ArrayList<>(requests.size());
		List<CompletableFuture<?>> sends = new ArrayList<>(requests.size());
		boolean requeued = false;
		for (int i = 0; i < requests.size(); i++) {
			DispatchRequest request = requests.get(i);
			DispatchOutcome outcome = await(outcomes.get(i), request);
			ProducerRecord<String, Object> result = result(request, outcome, requeuedSince.get(i));
			results.add(result);
			sends.add(send(result));
			requeued |= outcome instanceof DispatchOutcome.Requeue;
		}
		publish(results, sends);
		ack.acknowledge();
		if (requeued) {
			pause();
		}
	}

	private CompletableFuture<DispatchOutcome> dispatch(DispatchRequest request) {
		try {
			return this.connector.dispatch(request).toCompletableFuture();
		}
		catch (RuntimeException ex) {
			log.warn("Connector {} threw on message {}; requeued", this.connector.id(), request.messageId(), ex);
			return CompletableFuture.completedFuture(new DispatchOutcome.Requeue(ex.getMessage()));
		}
	}

	private DispatchOutcome await(CompletableFuture<DispatchOutcome> outcome, DispatchRequest request) {
		try {
			return outcome.get(this.outcomeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new DispatchOutcome.Requeue("interrupted");
		}
		catch (Exception ex) {
			log.warn("No outcome for message {} on {} within {}; requeued", request.messageId(),
					this.connector.id(), this.outcomeTimeout);
			return new DispatchOutcome.Requeue("no outcome in time");
		}
	}

	/**
	 * Waits until the outcomes of a poll (sent as they came) are on Kafka. Those whose publication
	 * failed are published again (never dispatched again: the network answered them) until the
	 * outcome timeout has passed; only then does the listener throw, and the container's error
	 * handler consume the whole poll again.
	 */
	private void publish(List<ProducerRecord<String, Object>> results, List<CompletableFuture<?>> firstSends) {
		long deadline = System.nanoTime() + this.outcomeTimeout.toNanos();
		List<ProducerRecord<String, Object>> pending = results;
		List<CompletableFuture<?>> sends = firstSends;
		for (int attempt = 1;; attempt++) {
			List<ProducerRecord<String, Object>> failed = new ArrayList<>();
			Throwable cause = null;
			for (int i = 0; i < sends.size(); i++) {
				try {
					sends.get(i).join();
				}
				catch (CompletionException | CancellationException ex) {
					failed.add(pending.get(i));
					cause = (ex.getCause() != null) ? ex.getCause() : ex;
				}
			}
			if (failed.isEmpty()) {
				return;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new KafkaException("Could not publish " + failed.size() + " outcomes of connector "
						+ this.connector.id() + " within " + this.outcomeTimeout, cause);
			}
			log.warn("{} of {} outcomes of connector {} not published ({}); publishing them again", failed.size(),
					results.size(), this.connector.id(), String.valueOf(cause));
			sleep(Math.min(PUBLISH_RETRY_MILLIS * attempt, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			pending = failed;
			sends = new ArrayList<>(pending.size());
			for (ProducerRecord<String, Object> result : pending) {
				sends.add(send(result));
			}
		}
	}

	private CompletableFuture<?> send(ProducerRecord<String, Object> result) {
		try {
			return this.kafka.send(result);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** The record that tells the outcome: the dispatch again, a MessageSent or a DispatchFailed. */
	private ProducerRecord<String, Object> result(DispatchRequest request, DispatchOutcome outcome,
			Long requeuedSince) {
		String key = request.messageId().toString();
		if (outcome instanceof DispatchOutcome.Requeue requeue) {
			long now = this.clock.millis();
			long since = (requeuedSince != null) ? requeuedSince : now;
			if (!handBack(since, now)) {
				ProducerRecord<String, Object> again = new ProducerRecord<>(Topics.dispatch(this.connector.id()), key,
						request);
				again.headers().add(REQUEUED_SINCE_HEADER, Long.toString(since).getBytes(StandardCharsets.US_ASCII));
				return again;
			}
			log.warn("Message {} waited {} s for connector {} to come up ({}); handed back to the router",
					request.messageId(), (now - since) / 1000, this.connector.id(), requeue.reason());
			outcome = new DispatchOutcome.Failed(CONNECTOR_UNAVAILABLE,
					"Connector " + this.connector.id() + " unavailable: " + requeue.reason(), true);
		}
		if (outcome instanceof DispatchOutcome.Sent sent) {
			return new ProducerRecord<>(Topics.MT_SENT, key, new MessageSent(request.messageId(), this.connector.id(),
					sent.parts(), this.clock.instant(), request.pricePerSegment()));
		}
		if (outcome instanceof DispatchOutcome.Failed failed) {
			return new ProducerRecord<>(Topics.MT_DISPATCH_FAILED, key,
					new DispatchFailed(request.messageId(), this.connector.id(), request.attempt(), failed.errorCode(),
							failed.reason(), failed.retriable(), this.clock.instant(), request));
		}
		throw new IllegalStateException("Unknown outcome " + outcome);
	}

	/**
	 * Only a connector with no link up hands a message back: a requeue for any other reason (a
	 * response that never came, a throttled SMSC) may mean the network has the message already.
	 */
	private boolean handBack(long since, long now) {
		return !this.handBackAfter.isZero() && !this.handBackAfter.isNegative()
				&& now - since >= this.handBackAfter.toMillis() && this.connector.links().up() == 0;
	}

	private static Long requeuedSince(ConsumerRecord<String, SmsEvent> record) {
		Header header = record.headers().lastHeader(REQUEUED_SINCE_HEADER);
		if (header == null) {
			return null;
		}
		try {
			return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private void pause() {
		sleep(this.requeuePause.toMillis());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
