package io.smsgw.common.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;

import io.smsgw.common.connector.ConnectorSet;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * The runtime of a connector service: one dispatch listener container per connector, its
 * dispatch topic, the publisher for receipts and inbound messages, and the health reports.
 * Active in a service that defines {@link SmsConnector} or {@link ConnectorSet} beans.
 */
@AutoConfiguration(after = SmsKafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaOperations.class)
@Conditional(OnConnectorsCondition.class)
@EnableConfigurationProperties(ConnectorRuntimeProperties.class)
public class ConnectorRuntimeAutoConfiguration {

	@Bean
	KafkaConnectorEvents connectorEvents(KafkaOperations<String, Object> kafka) {
		return new KafkaConnectorEvents(kafka);
	}

	@Bean
	ConnectorRuntime connectorRuntime(ObjectProvider<SmsConnector> connectors, ObjectProvider<ConnectorSet> sets,
			ConsumerFactory<String, SmsEvent> consumerFactory, KafkaOperations<String, Object> kafka,
			CommonErrorHandler errorHandler, ConnectorRuntimeProperties properties, SmsKafkaProperties kafkaProperties,
			KafkaAdmin admin) {
		List<SmsConnector> all = new ArrayList<>(connectors.orderedStream().toList());
		sets.orderedStream().forEach((set) -> all.addAll(set.connectors()));
		Map<String, Object> consumerOverrides = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				properties.maxPollRecords());
		for (SmsConnector connector : all) {
			admin.createOrModifyTopics(SmsKafkaAutoConfiguration.topic(Topics.dispatch(connector.id()), kafkaProperties),
					SmsKafkaAutoConfiguration.topic(Topics.deadLetter(Topics.dispatch(connector.id())),
							kafkaProperties));
		}
		return new ConnectorRuntime(all, consumerFactory, consumerOverrides, kafka, errorHandler, properties,
				Clock.systemUTC());
	}

}
