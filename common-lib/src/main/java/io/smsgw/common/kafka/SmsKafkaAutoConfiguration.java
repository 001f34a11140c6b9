package io.smsgw.common.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import io.smsgw.common.event.Topics;

/**
 * What every service's Kafka setup shares: the event serde (behind an error-handling
 * deserializer), durable producer settings, the gateway's topics with their dead-letter topics,
 * and an error handler that retries a failing record a few times and then parks it on
 * {@code <topic>-dlt}, so that no record ever stops a partition.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaOperations.class)
@EnableConfigurationProperties(SmsKafkaProperties.class)
public class SmsKafkaAutoConfiguration {

	/**
	 * The event serde and durable sends (acks from every in-sync replica, idempotence) always; the
	 * batching defaults only where {@code spring.kafka.producer.*} does not set them. Records are
	 * small JSON events and the brokers are near: compression would cost the producer, the broker
	 * (which reads every batch to validate it) and each consumer more CPU than it saves on the wire.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer smsProducerFactoryCustomizer() {
		return (factory) -> {
			Map<String, Object> configs = new HashMap<>(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
					StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class,
					ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
			Map<String, Object> defaults = Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG,
					131072, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
			defaults.forEach((key, value) -> {
				if (!factory.getConfigurationProperties().containsKey(key)) {
					configs.put(key, value);
				}
			});
			factory.updateConfigs(configs);
		};
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer smsConsumerFactoryCustomizer() {
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
				ErrorHandlingDeserializer.class, ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
				EventDeserializer.class, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"));
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler smsErrorHandler(KafkaOperations<Object, Object> kafka, SmsKafkaProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
		backOff.setMaxAttempts(properties.retryAttempts());
		return new DefaultErrorHandler(deadLetterRecoverer(kafka), backOff);
	}

	@Bean
	KafkaAdmin.NewTopics smsTopics(SmsKafkaProperties properties) {
		List<NewTopic> topics = new java.util.ArrayList<>();
		for (String name : Topics.fixedTopics()) {
			topics.add(topic(name, properties));
			topics.add(topic(Topics.deadLetter(name), properties));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	/** Publishes a failed record to {@code <topic>-dlt}, on the partition it came from. */
	public static DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaOperations<?, ?> kafka) {
		return new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
	}

	/** A topic of the gateway with the configured partitions and replicas. */
	public static NewTopic topic(String name, SmsKafkaProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

}
