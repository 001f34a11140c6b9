package io.smsgw.simulator.smsc;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.type.SmppProcessingException;

/** Accepts binds with the configured account only, and wires each new session. */
final class SmscBindHandler implements SmppServerHandler {

	private static final Logger log = LoggerFactory.getLogger(SmscBindHandler.class);

	private final SmscSimulatorConfig config;

	private final Map<Long, BoundSession> sessions;

	private final SubmitLedger ledger;

	private final UnackedDeliveries deliveries;

	private final ScheduledExecutorService scheduler;

	private final AtomicInteger binds;

	private final Map<Long, String> addressRanges = new java.util.concurrent.ConcurrentHashMap<>();

	SmscBindHandler(SmscSimulatorConfig config, Map<Long, BoundSession> sessions, SubmitLedger ledger,
			UnackedDeliveries deliveries, ScheduledExecutorService scheduler, AtomicInteger binds) {
		this.deliveries = deliveries;
		this.config = config;
		this.sessions = sessions;
		this.ledger = ledger;
		this.scheduler = scheduler;
		this.binds = binds;
	}

	@Override
	public void sessionBindRequested(Long sessionId, SmppSessionConfiguration sessionConfig, BaseBind bind)
			throws SmppProcessingException {
		if (!this.config.systemId().equals(bind.getSystemId()) || !this.config.password().equals(bind.getPassword())) {
			log.info("Bind of system id '{}' refused: wrong credentials", bind.getSystemId());
			throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
		}
		String range = (bind.getAddressRange() != null) ? bind.getAddressRange().getAddress() : null;
		this.addressRanges.put(sessionId, (range != null) ? range : "");
		sessionConfig.setName("smsc-sim-" + sessionId);
		sessionConfig.setWindowSize(this.config.windowSize());
		sessionConfig.getLoggingOptions().setLogPdu(false);
		sessionConfig.getLoggingOptions().setLogBytes(false);
	}

	@Override
	public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp response) {
		String systemId = session.getConfiguration().getSystemId();
		String range = this.addressRanges.remove(sessionId);
		this.sessions.put(sessionId, new BoundSession(sessionId, systemId, (range != null) ? range : "", session));
		session.serverReady(new SmscSessionHandler(session, systemId, sessionId, this.ledger, this.deliveries,
				this.scheduler, this.config));
		this.binds.incrementAndGet();
		if (this.sessions.get(sessionId).canReceive()) {
			this.deliveries.bound();
		}
		log.info("Session {} bound as {} by '{}'", sessionId, session.getBindType(), systemId);
	}

	@Override
	public void sessionDestroyed(Long sessionId, SmppServerSession session) {
		this.sessions.remove(sessionId);
		session.destroy();
		this.deliveries.sessionClosed(sessionId);
		log.info("Session {} closed", sessionId);
	}

}
