package io.smsgw.router.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.SmsKafkaAutoConfiguration;
import io.smsgw.common.kafka.SmsKafkaProperties;
import io.smsgw.router.dispatch.AcceptedListener;
import io.smsgw.router.dispatch.DispatchFailedListener;
import io.smsgw.router.dispatch.DispatchPublisher;
import io.smsgw.router.dispatch.KafkaDispatchPublisher;
import io.smsgw.router.dispatch.RouterMetrics;
import io.smsgw.router.routing.FailoverPolicy;
import io.smsgw.router.routing.PrefixRouteSelector;
import io.smsgw.router.routing.RouteSelector;

/**
 * Wires the router: route selection, the transactional batch listeners and the dispatch topics
 * of the configured connectors.
 */
@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RouteSelector routeSelector(RouterProperties properties) {
		List<Map.Entry<String, String>> routes = properties.routes()
			.stream()
			.map((route) -> Map.entry(route.prefix(), route.connector()))
			.toList();
		return new PrefixRouteSelector(routes, properties.defaultConnector());
	}

	@Bean
	FailoverPolicy failoverPolicy(RouterProperties properties) {
		return new FailoverPolicy(properties.maxAttempts());
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RouterMetrics routerMetrics(MeterRegistry registry) {
		return new RouterMetrics(registry);
	}

	@Bean
	DispatchPublisher dispatchPublisher(KafkaOperations<String, Object> kafka) {
		return new KafkaDispatchPublisher(kafka, SmsKafkaAutoConfiguration.deadLetterRecoverer(kafka));
	}

	@Bean
	AcceptedListener acceptedListener(RouteSelector routes, DispatchPublisher publisher, RouterMetrics metrics,
			Clock clock) {
		return new AcceptedListener(routes, publisher, metrics, clock);
	}

	@Bean
	DispatchFailedListener dispatchFailedListener(FailoverPolicy policy, DispatchPublisher publisher,
			RouterMetrics metrics, Clock clock) {
		return new DispatchFailedListener(policy, publisher, metrics, clock);
	}

	/**
	 * The router's listener containers: batch, in a Kafka transaction (Boot wires the
	 * {@code KafkaTransactionManager} when {@code spring.kafka.producer.transaction-id-prefix} is
	 * set) and without a common error handler, so a failure rolls the whole transaction back and
	 * the after-rollback processor seeks back and retries. Unreadable records never fail a batch:
	 * the listeners park them on the dead-letter topic inside the transaction.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> routerListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
			SmsKafkaProperties kafkaProperties) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumerFactory);
		if (factory.getContainerProperties().getKafkaAwareTransactionManager() == null) {
			throw new IllegalStateException("The router needs spring.kafka.producer.transaction-id-prefix");
		}
		factory.setCommonErrorHandler(null);
		factory.setBatchListener(true);
		// Only infrastructure failures (broker unreachable, fenced producer) reach this point:
		// retry for as long as it takes rather than give a batch up.
		ExponentialBackOff backOff = new ExponentialBackOff(kafkaProperties.retryBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(10_000);
		factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
		return factory;
	}

	@Bean
	KafkaAdmin.NewTopics routerDispatchTopics(RouterProperties properties, SmsKafkaProperties kafkaProperties) {
		List<NewTopic> topics = new java.util.ArrayList<>();
		for (String connectorId : properties.connectorIds()) {
			topics.add(SmsKafkaAutoConfiguration.topic(Topics.dispatch(connectorId), kafkaProperties));
			topics.add(SmsKafkaAutoConfiguration.topic(Topics.deadLetter(Topics.dispatch(connectorId)), kafkaProperties));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
