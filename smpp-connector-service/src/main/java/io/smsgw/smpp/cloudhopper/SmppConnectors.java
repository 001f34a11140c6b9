package io.smsgw.smpp.cloudhopper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;

import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.connector.ConnectorSet;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.smpp.properties.SmppProperties;
import io.smsgw.smpp.properties.SmppProperties.Connection;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.submit.SubmitPlanner;

/**
 * The connectors of the configured SMSC connections, sharing one SMPP client and its threads.
 * {@link #start()} opens the binds, {@link #close()} unbinds them and frees the threads.
 */
public final class SmppConnectors implements ConnectorSet, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmppConnectors.class);

	private final List<SmppConnector> connectors = new ArrayList<>();

	private final ExecutorService ioThreads;

	private final ScheduledExecutorService scheduler;

	private final ExecutorService responder;

	private final DefaultSmppClient client;

	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

	public SmppConnectors(SmppProperties properties, ConnectorEvents events, MeterRegistry registry, Clock clock) {
		int links = properties.connections().stream().mapToInt(Connection::binds).sum();
		this.ioThreads = Executors.newCachedThreadPool(daemon("smpp-io"));
		this.scheduler = Executors.newScheduledThreadPool(Math.max(2, links + 1), daemon("smpp-link"));
		this.responder = Executors.newFixedThreadPool(2, daemon("smpp-resp"));
		this.client = new DefaultSmppClient(this.ioThreads, Math.max(1, links), this.scheduler);
		SmsCodec codec = new SmsCodec(properties.codecMaxParts(), false);
		for (Connection connection : properties.connections()) {
			SmppMetrics metrics = new SmppMetrics(registry, connection.id());
			DeliverProcessor deliveries = new DeliverProcessor(connection.id(), events, metrics, clock);
			List<BindLink> binds = new ArrayList<>();
			for (int i = 1; i <= connection.binds(); i++) {
				binds.add(new BindLink(connection.id() + "#" + i, sessionConfig(connection, i), this.client,
						this.scheduler, this.responder, connection.reconnect().toBackoff(),
						connection.enquireLinkInterval(), connection.responseTimeout(), deliveries, metrics));
			}
			SubmitPlanner planner = new SubmitPlanner(codec, connection.addressing().toRules(),
					connection.dataCoding().gsm7(), connection.dataCoding().ucs2(), connection.registeredDelivery());
			SmppConnector connector = new SmppConnector(connection.id(), binds, planner, connection.systemType(),
					connection.throttleRetries(), connection.throttleRetryDelay(), this.scheduler);
			metrics.bindsUp(() -> connector.links().up());
			this.connectors.add(connector);
			log.info("SMPP connector {} configured: {}", connection.id(), connection);
		}
	}

	@Override
	public List<SmsConnector> connectors() {
		return List.copyOf(this.connectors);
	}

	/** Starts every bind loop; returns at once (binds come up in the background). */
	public void start() {
		this.connectors.forEach((connector) -> connector.bindLinks().forEach(BindLink::start));
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.connectors.forEach((connector) -> connector.bindLinks().forEach(BindLink::stop));
		this.client.destroy();
		this.scheduler.shutdownNow();
		this.responder.shutdownNow();
		this.ioThreads.shutdownNow();
	}

	private static SmppSessionConfiguration sessionConfig(Connection connection, int bindNumber) {
		SmppSessionConfiguration config = new SmppSessionConfiguration();
		config.setName(connection.id() + "#" + bindNumber);
		config.setType(SmppBindType.TRANSCEIVER);
		config.setHost(connection.host());
		config.setPort(connection.port());
		config.setSystemId(connection.systemId());
		config.setPassword(connection.password());
		config.setSystemType(connection.systemType());
		config.setWindowSize(connection.windowSize());
		config.setConnectTimeout(connection.connectTimeout().toMillis());
		config.setBindTimeout(connection.connectTimeout().toMillis());
		config.setRequestExpiryTimeout(connection.responseTimeout().toMillis());
		config.setWindowWaitTimeout(connection.responseTimeout().toMillis());
		config.setWindowMonitorInterval(Math.max(100, connection.responseTimeout().toMillis() / 4));
		config.setCountersEnabled(false);
		// PDUs carry the bind password: keep Cloudhopper's PDU logging off
		config.getLoggingOptions().setLogPdu(false);
		config.getLoggingOptions().setLogBytes(false);
		return config;
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
