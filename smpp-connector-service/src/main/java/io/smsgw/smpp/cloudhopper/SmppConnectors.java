package io.smsgw.smpp.cloudhopper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.impl.DefaultSmppClient;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.connector.ConnectorSet;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.smpp.link.SubmitRate;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.properties.SmppProperties;
import io.smsgw.smpp.properties.SmppProperties.BindType;
import io.smsgw.smpp.properties.SmppProperties.Connection;
import io.smsgw.smpp.submit.CommandStatus;
import io.smsgw.smpp.submit.PartResult;
import io.smsgw.smpp.submit.SubmitPlanner;

/**
 * The connectors of the configured SMSC connections, sharing one SMPP client and its threads.
 * {@link #start()} opens the binds, {@link #close()} drains and unbinds them and frees the threads.
 */
public final class SmppConnectors implements ConnectorSet, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmppConnectors.class);

	private final List<SmppConnector> connectors = new ArrayList<>();

	private final ExecutorService ioThreads;

	private final ScheduledExecutorService scheduler;

	private final ScheduledExecutorService retries;

	private final ExecutorService responder;

	private final DefaultSmppClient client;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Map<DeliverProcessor, Duration> deliveries = new LinkedHashMap<>();

	public SmppConnectors(SmppProperties properties, ConnectorEvents events, MeterRegistry registry, Clock clock) {
		int links = properties.connections().stream().mapToInt(SmppConnectors::linkCount).sum();
		this.ioThreads = Executors.newCachedThreadPool(daemon("smpp-io"));
		this.scheduler = Executors.newScheduledThreadPool(Math.max(2, links + 1), daemon("smpp-link"));
		this.retries = Executors.newScheduledThreadPool(4, daemon("smpp-retry"));
		this.responder = Executors.newFixedThreadPool(2, daemon("smpp-resp"));
		this.client = new DefaultSmppClient(this.ioThreads, Math.max(1, links), this.scheduler);
		for (Connection connection : properties.connections()) {
			SmsCodec codec = new SmsCodec(connection.codecOptions(properties.codecMaxParts()));
			this.connectors.add(connector(connection, codec, events, registry, clock));
			log.info("SMPP connector {} configured: {}", connection.id(), connection);
		}
	}

	private SmppConnector connector(Connection connection, SmsCodec codec, ConnectorEvents events,
			MeterRegistry registry, Clock clock) {
		SmppMetrics metrics = new SmppMetrics(registry, connection.id());
		DeliverProcessor deliveries = new DeliverProcessor(connection.id(), events, metrics, clock,
				connection.receiptIdConversion(), connection.moReassemblyTimeout());
		this.deliveries.put(deliveries, connection.moReassemblyTimeout());
		metrics.inboundPending(deliveries::pendingMo);
		List<BindLink> binds = new ArrayList<>();
		for (int i = 1; i <= connection.binds(); i++) {
			for (SmppBindType type : types(connection.bindType())) {
				String name = connection.id() + "#" + suffix(connection.bindType(), type) + i;
				BindLink link = new BindLink(name, BindSessions.config(connection, name, type), this.client,
						this.scheduler, this.responder, connection.reconnect().toBackoff(),
						connection.enquireLinkInterval(), connection.responseTimeout(), connection.drainTimeout(),
						deliveries, metrics);
				metrics.bindState(name, link.type(), link::isBound);
				binds.add(link);
			}
		}
		SubmitPlanner planner = new SubmitPlanner(codec, connection.addressing().toRules(),
				connection.dataCoding().toDataCodings(), connection.concatenation(), connection.registeredDelivery(),
				connection.validityPeriod(), clock, connection.gsm7Packing());
		SmppProperties.Throttle throttle = connection.throttle();
		SubmitRate rate = new SubmitRate(connection.tps(), throttle.minTps(), throttle.slowdown(),
				throttle.recovery().toNanos(), System::nanoTime);
		SmppProperties.Retry retry = connection.retry();
		RetryConfig retryConfig = RetryConfig.<PartResult>custom()
			.maxAttempts(retry.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialInterval(), retry.multiplier()))
			.retryOnResult((result) -> result.commandStatus() != null
					&& CommandStatus.classify(result.commandStatus()) == CommandStatus.Verdict.TRANSIENT)
			.failAfterMaxAttempts(false)
			.build();
		SmppConnector.Retries retries = new SmppConnector.Retries(throttle.retries(), throttle.retryDelay(),
				Retry.of(connection.id(), retryConfig), retry.whenExhausted() == SmppProperties.Exhausted.REQUEUE,
				this.retries);
		SmppConnector connector = new SmppConnector(connection.id(), binds, planner, connection.systemType(), rate,
				retries, metrics, clock);
		metrics.bindsUp(() -> connector.links().up());
		metrics.windowInUse(() -> binds.stream().mapToInt(BindLink::inFlight).sum());
		long submitting = binds.stream().filter((b) -> !"RX".equals(b.type())).count();
		metrics.windowSize(submitting * connection.windowSize());
		metrics.effectiveTps(() -> {
			double tps = rate.effectiveTps();
			return Double.isInfinite(tps) ? 0 : tps;
		});
		return connector;
	}

	@Override
	public List<SmsConnector> connectors() {
		return List.copyOf(this.connectors);
	}

	/** Starts every bind loop; returns at once (binds come up in the background). */
	public void start() {
		this.connectors.forEach((connector) -> connector.bindLinks().forEach(BindLink::start));
		this.deliveries.forEach((processor, timeout) -> {
			long period = Math.max(50, Math.min(5_000, timeout.toMillis() / 10));
			this.retries.scheduleWithFixedDelay(() -> expire(processor), period, period, TimeUnit.MILLISECONDS);
		});
	}

	private static void expire(DeliverProcessor processor) {
		try {
			processor.expire();
		}
		catch (RuntimeException ex) {
			log.warn("Releasing expired MO parts failed; trying again", ex);
		}
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		List<Thread> stopping = new ArrayList<>();
		for (SmppConnector connector : this.connectors) {
			for (BindLink link : connector.bindLinks()) {
				Thread thread = new Thread(link::stop, "smpp-stop-" + link.name());
				thread.start();
				stopping.add(thread);
			}
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// the binds are down: no part comes any more; what waits for its other parts is published
		this.deliveries.keySet().forEach((processor) -> processor.releaseAll(Duration.ofSeconds(5)));
		this.client.destroy();
		this.scheduler.shutdownNow();
		this.retries.shutdownNow();
		this.responder.shutdownNow();
		this.ioThreads.shutdownNow();
	}

	private static int linkCount(Connection connection) {
		return connection.binds() * types(connection.bindType()).size();
	}

	private static List<SmppBindType> types(BindType type) {
		return switch (type) {
			case TX -> List.of(SmppBindType.TRANSMITTER);
			case RX -> List.of(SmppBindType.RECEIVER);
			case TRX -> List.of(SmppBindType.TRANSCEIVER);
			case TX_RX -> List.of(SmppBindType.TRANSMITTER, SmppBindType.RECEIVER);
		};
	}

	private static String suffix(BindType configured, SmppBindType type) {
		if (configured == BindType.TRX) {
			return "";
		}
		return (type == SmppBindType.TRANSMITTER) ? "tx" : "rx";
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
