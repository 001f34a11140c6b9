package io.smsgw.simulator.smsc;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.GenericNack;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.pdu.Unbind;

/**
 * Answers one bound client's requests: submit_sm through the ledger (or not at all while a drop
 * is armed, closing the connection on the last one), everything else with OK.
 */
final class SmscSessionHandler extends DefaultSmppSessionHandler {

	private static final Logger log = LoggerFactory.getLogger(SmscSessionHandler.class);

	private static final long RESPONSE_AFTER_RECEIPT_MS = 50;

	private final SmppServerSession session;

	private final String systemId;

	private final long sessionId;

	private final SubmitLedger ledger;

	private final UnackedDeliveries deliveries;

	private final ScheduledExecutorService scheduler;

	private final SmscSimulatorConfig config;

	SmscSessionHandler(SmppServerSession session, String systemId, long sessionId, SubmitLedger ledger,
			UnackedDeliveries deliveries, ScheduledExecutorService scheduler, SmscSimulatorConfig config) {
		super(log);
		this.deliveries = deliveries;
		this.session = session;
		this.systemId = systemId;
		this.sessionId = sessionId;
		this.ledger = ledger;
		this.scheduler = scheduler;
		this.config = config;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public PduResponse firePduRequestReceived(PduRequest request) {
		if (!(request instanceof SubmitSm)) {
			if (request instanceof Unbind) {
				this.ledger.unbindReceived();
			}
			return request.createResponse();
		}
		int drop = this.ledger.dropDecision();
		if (drop > 0) {
			this.ledger.accept(this.systemId, this.sessionId, (SubmitSm) request, true);
			if (drop == 2) {
				log.info("Dropping the connection of session '{}' with submits unanswered", this.systemId);
				this.scheduler.execute(this.session::close);
			}
			return null;
		}
		this.ledger.submitReceived();
		ReceivedSubmit received = this.ledger.accept(this.systemId, this.sessionId, (SubmitSm) request, false);
		PduResponse response = response((SubmitSm) request, received);
		long delay = this.ledger.responseDelayMillis();
		if (this.config.receiptsBeforeResponse() && received.accepted()) {
			delay = Math.max(delay, RESPONSE_AFTER_RECEIPT_MS);
		}
		if (delay <= 0) {
			this.ledger.submitAnswered();
			return response;
		}
		this.scheduler.schedule(() -> respond(response), delay, TimeUnit.MILLISECONDS);
		return null;
	}

	private PduResponse response(SubmitSm request, ReceivedSubmit received) {
		boolean failed = !received.accepted() && received.commandStatus() != this.config.throttleStatus();
		if (failed && this.config.failuresAsGenericNack()) {
			GenericNack nack = new GenericNack();
			nack.setSequenceNumber(request.getSequenceNumber());
			nack.setCommandStatus(received.commandStatus());
			return nack;
		}
		SubmitSmResp response = request.createResponse();
		response.setCommandStatus(received.commandStatus());
		if (received.messageId() != null) {
			response.setMessageId(received.messageId());
		}
		return response;
	}

	private void respond(PduResponse response) {
		try {
			this.session.sendResponsePdu(response);
		}
		catch (Exception ex) {
			log.debug("submit_sm_resp not sent: {}", ex.toString());
		}
		finally {
			this.ledger.submitAnswered();
		}
	}

	@Override
	public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
		this.ledger.deliverResponse(response.getResponse().getCommandStatus());
		this.deliveries.acknowledged(this.sessionId, response.getRequest());
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void firePduRequestExpired(PduRequest request) {
		this.deliveries.expired(this.sessionId, request);
	}

}
