package io.smsgw.router.health;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

import io.smsgw.common.event.ConnectorHealth;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/** Feeds connector health reports to the tracker; every router instance reads all of them. */
public class HealthListener {

	private final HealthTracker tracker;

	public HealthListener(HealthTracker tracker) {
		this.tracker = tracker;
	}

	@KafkaListener(id = "router-connector-health", topics = Topics.CONNECTOR_HEALTH,
			groupId = "router-health-#{T(java.util.UUID).randomUUID()}", containerFactory = "routerBroadcastContainerFactory",
			properties = "auto.offset.reset=latest")
	void onHealth(ConsumerRecord<String, SmsEvent> record) {
		if (record.value() instanceof ConnectorHealth health) {
			this.tracker.report(health);
		}
	}

}
