package io.smsgw.common.kafka;

import java.util.concurrent.CompletionStage;

import org.springframework.kafka.core.KafkaOperations;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * Publishes what connectors receive from the network on {@code sms.dlr.received} and
 * {@code sms.mo.received}.
 */
public class KafkaConnectorEvents implements ConnectorEvents {

	private final KafkaOperations<String, Object> kafka;

	public KafkaConnectorEvents(KafkaOperations<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public CompletionStage<Void> receipt(ReceiptReceived receipt) {
		return send(Topics.DLR_RECEIVED, receipt);
	}

	@Override
	public CompletionStage<Void> inbound(InboundReceived inbound) {
		return send(Topics.MO_RECEIVED, inbound);
	}

	private CompletionStage<Void> send(String topic, SmsEvent event) {
		return this.kafka.send(topic, event.key(), event).thenApply((result) -> null);
	}

}
