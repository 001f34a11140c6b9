package io.smsgw.router.dispatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageFailed;

/**
 * Where the router's decisions go. Called inside the listener's Kafka transaction, so what is
 * published here becomes visible together with the consumed offsets, or not at all.
 */
public interface DispatchPublisher {

	/** Hands a message to its connector's dispatch topic. */
	void dispatch(DispatchRequest request);

	/** Publishes the final verdict that a message will not be sent. */
	void fail(MessageFailed failed);

	/** Parks a record the router cannot read on its dead-letter topic. */
	void deadLetter(ConsumerRecord<?, ?> record, Exception cause);

}
