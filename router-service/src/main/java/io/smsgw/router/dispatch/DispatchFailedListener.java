package io.smsgw.router.dispatch;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.router.routing.FailoverPolicy;

/**
 * Handles dispatch failures reported by connectors. The {@link FailoverPolicy} decides between
 * another candidate and a final {@link MessageFailed}; with the static routes there is only one
 * candidate per message, so every failure is final for now. Transactional like
 * {@link AcceptedListener}.
 */
public class DispatchFailedListener {

	private static final Logger log = LoggerFactory.getLogger(DispatchFailedListener.class);

	private final FailoverPolicy policy;

	private final DispatchPublisher publisher;

	private final RouterMetrics metrics;

	private final Clock clock;

	public DispatchFailedListener(FailoverPolicy policy, DispatchPublisher publisher, RouterMetrics metrics,
			Clock clock) {
		this.policy = policy;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = "router-dispatch-failed", idIsGroup = false, topics = Topics.MT_DISPATCH_FAILED,
			containerFactory = "routerListenerContainerFactory", batch = "true")
	void onDispatchFailed(List<ConsumerRecord<String, SmsEvent>> records) {
		for (ConsumerRecord<String, SmsEvent> record : records) {
			DispatchFailed event = RecordReader.readOrDeadLetter(record, DispatchFailed.class, DispatchFailed::messageId, this.publisher,
					this.metrics);
			if (event != null) {
				handle(event);
			}
		}
	}

	private void handle(DispatchFailed failed) {
		// The original request (destination, sender, body) is not on the event yet, so the only
		// candidate known here is the connector that failed: failover needs the route table issue.
		FailoverPolicy.Verdict verdict = this.policy.decide(failed.retriable(), failed.attempt(),
				List.of(failed.connectorId()));
		// TryNext cannot happen with a single candidate; the route-table issue dispatches it here.
		String reasonCode = (verdict instanceof FailoverPolicy.GiveUp giveUp) ? giveUp.reasonCode()
				: FailoverPolicy.ALL_ROUTES_FAILED;
		log.info("Message {} failed on {} (attempt {}): {} {}", failed.messageId(), failed.connectorId(),
				failed.attempt(), reasonCode, failed.errorCode());
		this.publisher.fail(new MessageFailed(failed.messageId(), reasonCode, failed.errorCode(), failed.reason(),
				this.clock.instant()));
		this.metrics.failed(reasonCode);
	}

}
