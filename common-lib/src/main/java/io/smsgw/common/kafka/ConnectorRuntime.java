package io.smsgw.common.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.ConnectorHealth;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

/**
 * Runs the dispatch listener containers of a service's connectors and publishes their health.
 * Stops its containers before the connectors close their links (see {@link #getPhase()}), so
 * that a shutdown finishes the polls in flight and acknowledges only what has an outcome.
 */
public class ConnectorRuntime implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);

	private final List<SmsConnector> connectors;

	private final KafkaOperations<String, Object> kafka;

	private final ConnectorRuntimeProperties properties;

	private final Clock clock;

	private final List<ConcurrentMessageListenerContainer<String, SmsEvent>> containers = new ArrayList<>();

	private ScheduledExecutorService healthReporter;

	private volatile boolean running;

	public ConnectorRuntime(List<SmsConnector> connectors, ConsumerFactory<String, SmsEvent> consumerFactory,
			Map<String, Object> consumerOverrides, KafkaOperations<String, Object> kafka,
			CommonErrorHandler errorHandler, ConnectorRuntimeProperties properties, Clock clock) {
		this.connectors = List.copyOf(connectors);
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
		for (SmsConnector connector : this.connectors) {
			ContainerProperties containerProperties = new ContainerProperties(Topics.dispatch(connector.id()));
			containerProperties.setGroupId("connector-" + connector.id());
			containerProperties.setAckMode(ContainerProperties.AckMode.MANUAL);
			java.util.Properties overrides = new java.util.Properties();
			overrides.putAll(consumerOverrides);
			containerProperties.setKafkaConsumerProperties(overrides);
			containerProperties.setMessageListener(new DispatchListener(connector, kafka,
					properties.outcomeTimeout(), properties.requeuePause(), properties.handBackAfter(), clock));
			ConcurrentMessageListenerContainer<String, SmsEvent> container = new ConcurrentMessageListenerContainer<>(
					consumerFactory, containerProperties);
			container.setConcurrency(properties.concurrency());
			container.setCommonErrorHandler(errorHandler);
			container.setBeanName("dispatch-" + connector.id());
			this.containers.add(container);
		}
	}

	/** The connectors this runtime serves. */
	public List<SmsConnector> connectors() {
		return this.connectors;
	}

	@Override
	public void start() {
		this.containers.forEach(ConcurrentMessageListenerContainer::start);
		this.healthReporter = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "connector-health");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.healthInterval().toMillis();
		this.healthReporter.scheduleWithFixedDelay(this::reportHealth, 0, interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	private void reportHealth() {
		for (SmsConnector connector : this.connectors) {
			try {
				SmsConnector.LinkCount links = connector.links();
				ConnectorHealth health = new ConnectorHealth(connector.id(), this.properties.instanceId(), links.up(),
						links.total(), this.clock.instant());
				this.kafka.send(Topics.CONNECTOR_HEALTH, health.key(), health);
			}
			catch (RuntimeException ex) {
				log.warn("Could not report health of connector {}", connector.id(), ex);
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.healthReporter != null) {
			this.healthReporter.shutdownNow();
		}
		this.containers.forEach(ConcurrentMessageListenerContainer::stop);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The highest phase: started last and stopped first, so the dispatch containers finish their
	 * polls while the links are still up. A connector that is itself a {@link SmartLifecycle} must
	 * use a lower phase (such as 0), never the default {@code Integer.MAX_VALUE}.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
