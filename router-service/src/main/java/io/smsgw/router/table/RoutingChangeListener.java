package io.smsgw.router.table;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;

import io.smsgw.common.event.RoutingChanged;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * Reloads the route table of this instance when any instance changed it. Each instance reads the
 * change topic in a consumer group of its own, so every instance sees every change; the periodic
 * reload catches a missed event.
 */
public class RoutingChangeListener {

	private static final Logger log = LoggerFactory.getLogger(RoutingChangeListener.class);

	private final RoutingTables tables;

	public RoutingChangeListener(RoutingTables tables) {
		this.tables = tables;
	}

	@KafkaListener(id = "router-routing-changed", topics = Topics.ROUTING_CHANGED,
			groupId = "router-routing-#{T(java.util.UUID).randomUUID()}", containerFactory = "routerBroadcastContainerFactory",
			properties = "auto.offset.reset=latest")
	void onChange(ConsumerRecord<String, SmsEvent> record) {
		if (record.value() instanceof RoutingChanged changed) {
			this.tables.onChange(changed.version(), changed.change());
		}
		else {
			log.warn("Ignoring unreadable record on {} at offset {}", record.topic(), record.offset());
		}
	}

	@Scheduled(initialDelayString = "${sms.router.reload-interval:PT1M}",
			fixedDelayString = "${sms.router.reload-interval:PT1M}")
	void reloadPeriodically() {
		try {
			this.tables.reload("periodic reload");
		}
		catch (RuntimeException ex) {
			log.warn("Periodic reload of the route table failed; keeping version {}: {}", this.tables.current().version(),
					ex.getMessage());
		}
	}

}
