package io.smsgw.smpp.cloudhopper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;

/**
 * The callbacks of one bind's session: submit responses complete their parts, deliver_sm and
 * data_sm are handed to the {@link DeliverProcessor} and answered once their event is on Kafka,
 * and a closed channel tells the link to reconnect. Runs on Netty threads: never blocks.
 */
final class LinkSessionHandler extends DefaultSmppSessionHandler {

	private static final Logger log = LoggerFactory.getLogger(LinkSessionHandler.class);

	private final BindLink link;

	private final long generation;

	private final DeliverProcessor deliveries;

	private final Executor responder;

	private final CompletableFuture<SmppSession> session = new CompletableFuture<>();

	LinkSessionHandler(BindLink link, long generation, DeliverProcessor deliveries, Executor responder) {
		super(log);
		this.link = link;
		this.generation = generation;
		this.deliveries = deliveries;
		this.responder = responder;
	}

	/** The session these callbacks belong to, known once the bind returned. */
	void attach(SmppSession session) {
		this.session.complete(session);
	}

	@Override
	@SuppressWarnings("rawtypes")
	public PduResponse firePduRequestReceived(PduRequest request) {
		if (!(request instanceof DeliverSm) && !(request instanceof DataSm)) {
			return request.createResponse();
		}
		this.deliveries.process((BaseSm<?>) request)
			.exceptionally((ex) -> SmppConstants.STATUS_SYSERR)
			.thenCombineAsync(this.session, (status, session) -> {
				respond(session, request, status);
				return null;
			}, this.responder);
		return null;
	}

	@SuppressWarnings("rawtypes")
	private void respond(SmppSession session, PduRequest request, int status) {
		PduResponse response = request.createResponse();
		response.setCommandStatus(status);
		try {
			session.sendResponsePdu(response);
		}
		catch (Exception ex) {
			log.warn("{}: could not answer {} (seq {}): {}", this.link.name(), request.getName(),
					request.getSequenceNumber(), ex.toString());
		}
	}

	@Override
	public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
		this.link.responded(response.getRequest(), response.getResponse());
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void firePduRequestExpired(PduRequest request) {
		this.link.expired(request);
	}

	@Override
	public void fireChannelUnexpectedlyClosed() {
		this.link.lost(this.generation, "channel closed");
	}

}
