package io.smsgw.router.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaAdmin;

import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.SmsKafkaAutoConfiguration;
import io.smsgw.common.kafka.SmsKafkaProperties;

/** Creates the dispatch topic (and its dead-letter topic) of every registered connector. */
public class ConnectorTopics {

	private static final Logger log = LoggerFactory.getLogger(ConnectorTopics.class);

	private final KafkaAdmin admin;

	private final SmsKafkaProperties properties;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	public ConnectorTopics(KafkaAdmin admin, SmsKafkaProperties properties) {
		this.admin = admin;
		this.properties = properties;
	}

	/** Creates the topics of a new connector; fails when Kafka cannot. */
	public void create(String connectorId) {
		List<NewTopic> topics = new ArrayList<>();
		topics.add(SmsKafkaAutoConfiguration.topic(Topics.dispatch(connectorId), this.properties));
		topics.add(SmsKafkaAutoConfiguration.topic(Topics.deadLetter(Topics.dispatch(connectorId)), this.properties));
		this.admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
		this.created.add(connectorId);
	}

	/** Makes sure the topics of these connectors exist; logs rather than fails (they are retried on the next reload). */
	public void ensure(Collection<String> connectorIds) {
		for (String id : connectorIds) {
			if (!this.created.contains(id)) {
				try {
					create(id);
				}
				catch (RuntimeException ex) {
					log.warn("Could not create the dispatch topics of connector {}: {}", id, ex.getMessage());
				}
			}
		}
	}

}
