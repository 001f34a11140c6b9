package io.smsgw.simulator.smsc;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.type.SmppInvalidArgumentException;
import com.cloudhopper.smpp.ssl.SslConfiguration;

/**
 * A simulated SMSC on a real SMPP server socket (Cloudhopper): accepts binds with one account,
 * answers submit_sm (with configurable throttling and errors), records what it received, and
 * sends delivery receipts and injected mobile-originated messages. For tests, the local stack
 * and benchmarks; thread-safe; {@link #close()} unbinds the clients and stops the server.
 */
public final class SmscSimulator implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

	private final SmscSimulatorConfig config;

	private final ExecutorService nettyThreads;

	private final ScheduledExecutorService scheduler;

	private final DefaultSmppServer server;

	private final SubmitLedger ledger;

	private final UnackedDeliveries deliveries;

	private final Map<Long, BoundSession> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger binds = new AtomicInteger();

	private final int port;

	private SmscSimulator(SmscSimulatorConfig config) {
		this.config = config;
		this.nettyThreads = Executors.newCachedThreadPool(daemon("smsc-sim-io"));
		this.scheduler = Executors.newScheduledThreadPool(2, daemon("smsc-sim-timer"));
		this.deliveries = new UnackedDeliveries(this::sessionFor, this.scheduler);
		this.ledger = new SubmitLedger(config, Clock.systemUTC(), this.scheduler, this::sessionFor, this.deliveries);
		SmppServerConfiguration serverConfig = new SmppServerConfiguration();
		serverConfig.setName("smsc-simulator");
		serverConfig.setHost(config.host());
		serverConfig.setPort(config.port());
		serverConfig.setReuseAddress(true);
		serverConfig.setJmxEnabled(false);
		serverConfig.setMaxConnectionSize(100);
		serverConfig.setDefaultWindowSize(config.windowSize());
		serverConfig.setDefaultRequestExpiryTimeout(30_000);
		serverConfig.setDefaultWindowMonitorInterval(5_000);
		serverConfig.setNonBlockingSocketsEnabled(true);
		if (config.tlsKeyStore() != null) {
			SslConfiguration ssl = new SslConfiguration();
			ssl.setKeyStorePath(config.tlsKeyStore());
			ssl.setKeyStorePassword(config.tlsKeyStorePassword());
			ssl.setKeyManagerPassword(config.tlsKeyStorePassword());
			ssl.setKeyStoreType(config.tlsKeyStore().endsWith(".jks") ? "JKS" : "PKCS12");
			serverConfig.setUseSsl(true);
			serverConfig.setSslConfiguration(ssl);
		}
		this.server = new DefaultSmppServer(serverConfig,
				new SmscBindHandler(config, this.sessions, this.ledger, this.deliveries, this.scheduler,
						this.binds), this.nettyThreads);
		try {
			this.server.start();
		}
		catch (Exception ex) {
			shutdownThreads();
			throw new IllegalStateException("SMSC simulator could not listen on " + config.host() + ":" + config.port(),
					ex);
		}
		this.port = boundPort(this.server, config.port());
		log.info("SMSC simulator listening on {}:{} ({})", config.host(), this.port, config);
	}

	/** Starts a simulator; it listens when this returns. */
	public static SmscSimulator start(SmscSimulatorConfig config) {
		return new SmscSimulator(config);
	}

	/** The port it listens on (the free one chosen when the configured port was 0). */
	public int port() {
		return this.port;
	}

	public SmscSimulatorConfig config() {
		return this.config;
	}

	/** Every submit_sm received so far, in arrival order (accepted or not). */
	public List<ReceivedSubmit> submits() {
		return this.ledger.submits();
	}

	/** The submits answered ESME_ROK. */
	public List<ReceivedSubmit> acceptedSubmits() {
		return this.ledger.submits().stream().filter(ReceivedSubmit::accepted).toList();
	}

	/**
	 * Waits until at least {@code count} submits were received.
	 * @return the submits received
	 * @throws TimeoutException when fewer arrived in time
	 */
	public List<ReceivedSubmit> awaitSubmits(int count, Duration timeout) throws TimeoutException, InterruptedException {
		return this.ledger.awaitSubmits(count, timeout);
	}

	/** Receipts sent (deliver_sm written to a client). */
	public int receiptsSent() {
		return this.ledger.receiptsSent();
	}

	/** deliver_sm_resp received with ESME_ROK for receipts and MO messages. */
	public int deliverResponsesReceived() {
		return this.ledger.deliverResponses();
	}

	/**
	 * deliver_sm (receipts and MO) sent again because their deliver_sm_resp never came: the link
	 * was cut (sent again when the account binds again) or the response timed out. Not counted in
	 * {@link #receiptsSent()}.
	 */
	public int deliverSmRedelivered() {
		return this.deliveries.redelivered();
	}

	/** deliver_sm unacknowledged and waiting for a receiver or transceiver of the account to bind. */
	public int deliverSmWaiting() {
		return this.deliveries.waiting();
	}

	/** The most submits that were received and not yet answered at one time (see responseDelay). */
	public int maxSubmitsInFlight() {
		return this.ledger.maxInFlight();
	}

	/** Sessions bound now. */
	public int boundSessions() {
		return (int) this.sessions.values().stream().filter((s) -> s.session().isBound()).count();
	}

	/**
	 * The sessions bound now, one line each: bind type, system id and address range, as in
	 * {@code "RX smsc 4915*"}.
	 */
	public List<String> bindsNow() {
		return this.sessions.values()
			.stream()
			.filter((s) -> s.session().isBound())
			.map((s) -> s.type() + " " + s.systemId() + " " + s.addressRange())
			.map(String::strip)
			.sorted()
			.toList();
	}

	/** Sessions bound now with a bind type (TX, RX or TRX) and system id. */
	public int boundSessions(String type, String systemId) {
		return (int) this.sessions.values()
			.stream()
			.filter((s) -> s.session().isBound() && s.type().equals(type) && s.systemId().equals(systemId))
			.count();
	}

	/**
	 * Leaves the next {@code submits} submit_sm unanswered, then closes the TCP connection the last
	 * of them came in on, like an SMSC or a network that fails mid-window.
	 */
	public void dropConnectionAfter(int submits) {
		this.ledger.dropAfter(submits);
	}

	/**
	 * Changes the pause before each submit_sm_resp from now on (submits already waiting keep
	 * theirs), e.g. to make a client's response timeout expire and then answer promptly again.
	 */
	public void setResponseDelay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		this.ledger.responseDelay(delay);
	}

	/** unbind requests received from clients since start. */
	public int unbindsReceived() {
		return this.ledger.unbinds();
	}

	/** Successful binds since start. */
	public int bindCount() {
		return this.binds.get();
	}

	/**
	 * Sends a single-part mobile-originated message to a bound receiver or transceiver session.
	 * @param from the sender (E.164, with or without '+')
	 * @param to the number or short code it was sent to
	 * @return whether a session was there to take it
	 */
	public boolean injectMo(String from, String to, String text) {
		DeliverSm deliver;
		try {
			deliver = SimulatorPdus.mobileOriginated(from, to, text);
		}
		catch (SmppInvalidArgumentException ex) {
			throw new IllegalArgumentException(ex);
		}
		return injectDeliverSm(deliver);
	}

	/**
	 * Sends a deliver_sm as it is (e.g. one part of a concatenated MO message, with a UDH or SAR
	 * TLVs) to a bound receiver or transceiver session, without waiting for its deliver_sm_resp
	 * (counted in {@link #deliverResponsesReceived()}).
	 * @return whether a session was there to take it
	 */
	public boolean injectDeliverSm(DeliverSm deliver) {
		// a session just bound may still be finishing its bind on the server side: give it a moment
		BoundSession target = sessionFor(this.config.systemId());
		for (int i = 0; target == null && !this.sessions.isEmpty() && i < 50; i++) {
			sleep(20);
			target = sessionFor(this.config.systemId());
		}
		if (target == null) {
			return false;
		}
		try {
			this.deliveries.send(target, deliver);
			return true;
		}
		catch (Exception ex) {
			log.warn("Could not inject a deliver_sm", ex);
			return false;
		}
	}

	/** A bound session of the system id that can take deliver_sm (RX or TRX), or null. */
	BoundSession sessionFor(String systemId) {
		List<BoundSession> candidates = new ArrayList<>();
		for (BoundSession bound : this.sessions.values()) {
			if (bound.systemId().equals(systemId) && bound.session().isBound() && bound.canReceive()) {
				candidates.add(bound);
			}
		}
		return candidates.isEmpty() ? null : candidates.get((int) (System.nanoTime() % candidates.size()));
	}

	@Override
	public void close() {
		for (BoundSession bound : this.sessions.values()) {
			try {
				bound.session().unbind(1000);
			}
			catch (RuntimeException ex) {
				log.debug("Unbind failed", ex);
			}
		}
		this.server.stop();
		this.server.destroy();
		shutdownThreads();
		log.info("SMSC simulator on port {} stopped", this.port);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void shutdownThreads() {
		this.scheduler.shutdownNow();
		this.nettyThreads.shutdownNow();
	}

	private static int boundPort(DefaultSmppServer server, int configured) {
		try {
			Field field = DefaultSmppServer.class.getDeclaredField("serverChannel");
			field.setAccessible(true);
			Channel channel = (Channel) field.get(server);
			return ((InetSocketAddress) channel.getLocalAddress()).getPort();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			if (configured == 0) {
				throw new IllegalStateException("Cannot tell the port chosen; configure a port", ex);
			}
			return configured;
		}
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
