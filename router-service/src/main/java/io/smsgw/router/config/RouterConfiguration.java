package io.smsgw.router.config;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.smsgw.common.kafka.SmsKafkaAutoConfiguration;
import io.smsgw.common.kafka.SmsKafkaProperties;
import io.smsgw.router.dispatch.AcceptedListener;
import io.smsgw.router.dispatch.DispatchFailedListener;
import io.smsgw.router.dispatch.DispatchPublisher;
import io.smsgw.router.dispatch.KafkaDispatchPublisher;
import io.smsgw.router.dispatch.RouterMetrics;
import io.smsgw.router.dispatch.RoutingDecisions;
import io.smsgw.router.health.HealthListener;
import io.smsgw.router.health.HealthTracker;
import io.smsgw.router.routing.FailoverPolicy;
import io.smsgw.router.table.ConnectorTopics;
import io.smsgw.router.table.DefaultRouteSeeder;
import io.smsgw.router.table.RoutingChangeListener;
import io.smsgw.router.table.RoutingRepository;
import io.smsgw.router.table.RoutingTables;

/**
 * Wires the router: the route table and its reloads, connector health, the transactional batch
 * listeners and the per-instance listeners of change and health events.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RouterConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	RoutingRepository routingRepository(DataSource dataSource) {
		return new RoutingRepository(dataSource);
	}

	@Bean
	@DependsOnDatabaseInitialization
	RoutingDecisions routingDecisions(DataSource dataSource) {
		return new RoutingDecisions(dataSource);
	}

	@Bean
	ConnectorTopics connectorTopics(KafkaAdmin admin, SmsKafkaProperties kafkaProperties) {
		return new ConnectorTopics(admin, kafkaProperties);
	}

	/** The route table, seeded from the configuration when empty and loaded before any listener starts. */
	@Bean
	RoutingTables routingTables(RoutingRepository repository, ConnectorTopics topics, RouterProperties properties) {
		DefaultRouteSeeder.seedIfEmpty(repository, properties);
		RoutingTables tables = new RoutingTables(repository, topics);
		tables.reload("startup");
		return tables;
	}

	@Bean
	RoutingChangeListener routingChangeListener(RoutingTables tables) {
		return new RoutingChangeListener(tables);
	}

	@Bean
	HealthTracker healthTracker(RouterProperties properties, Clock clock) {
		return new HealthTracker(properties.healthStaleness(), clock);
	}

	@Bean
	HealthListener healthListener(HealthTracker tracker) {
		return new HealthListener(tracker);
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
	AcceptedListener acceptedListener(RoutingTables routes, HealthTracker health, RoutingDecisions decisions,
			DispatchPublisher publisher, RouterMetrics metrics, Clock clock) {
		return new AcceptedListener(routes, health, decisions, publisher, metrics, clock);
	}

	@Bean
	DispatchFailedListener dispatchFailedListener(FailoverPolicy policy, RoutingTables routes, HealthTracker health,
			RoutingDecisions decisions, DispatchPublisher publisher, RouterMetrics metrics, Clock clock) {
		return new DispatchFailedListener(policy, routes, health, decisions, publisher, metrics, clock);
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

	/**
	 * Containers for what every instance must see (route changes, connector health): a consumer
	 * group per instance, no transaction, and a record that cannot be read is logged and skipped
	 * (a dead letter per instance would only repeat it).
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> routerBroadcastContainerFactory(
			ConsumerFactory<Object, Object> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
		return factory;
	}

}
