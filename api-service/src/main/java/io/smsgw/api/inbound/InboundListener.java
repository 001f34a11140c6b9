package io.smsgw.api.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.stereotype.Component;

import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.Topics;

/**
 * Consumes {@code sms.mo.received}. An event that cannot be read or lacks its id, sender or
 * destination goes to {@code sms.mo.received-dlt} at once (the shared error handler does not
 * retry a conversion failure); a database failure is retried, then parked there too.
 */
@Component
class InboundListener {

	private static final Logger log = LoggerFactory.getLogger(InboundListener.class);

	private static final int MAX_ADDRESS = 64;

	private final InboundProcessor processor;

	InboundListener(InboundProcessor processor) {
		this.processor = processor;
	}

	@KafkaListener(id = "api-inbound", topics = Topics.MO_RECEIVED, groupId = "api-service")
	void onInbound(ConsumerRecord<String, Object> record) {
		InboundReceived inbound = usable(record.value());
		InboundProcessor.Outcome outcome = this.processor.process(inbound);
		log.debug("Inbound message {}: {}", inbound.inboundId(), outcome);
	}

	private static InboundReceived usable(Object value) {
		if (!(value instanceof InboundReceived inbound)) {
			throw new MessageConversionException("Not an inbound message event");
		}
		if (inbound.inboundId() == null || blankOrLong(inbound.from()) || blankOrLong(inbound.to())
				|| inbound.body() == null || inbound.body().length() > 100_000) {
			throw new MessageConversionException("Inbound message event " + inbound.inboundId()
					+ " lacks its id, sender, destination or text, or they are too long");
		}
		return inbound;
	}

	private static boolean blankOrLong(String value) {
		return value == null || value.isBlank() || value.length() > MAX_ADDRESS;
	}

}
