package io.smsgw.smpp.cloudhopper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSession;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.pdu.DataSm;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PartialPdu;
import com.cloudhopper.smpp.pdu.Pdu;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import com.cloudhopper.smpp.transcoder.PduTranscoder;
import com.cloudhopper.smpp.type.RecoverablePduException;
import com.cloudhopper.smpp.type.UnrecoverablePduException;

/**
 * The callbacks of one bind's session: submit responses complete their parts, deliver_sm and
 * data_sm are handed to the {@link DeliverProcessor} and answered once their event is on Kafka,
 * and a closed channel tells the link to reconnect. What the SMSC sends wrong is answered as SMPP
 * requires (generic_nack for an unknown command, an error response for a request whose body cannot
 * be read) and logged; a stream that cannot be framed any more (a bad command_length) is dropped
 * and bound again. Runs on Netty threads: never blocks; responses are written without waiting for
 * the write to complete (Cloudhopper's {@code sendResponsePdu} would park a thread per response).
 */
final class LinkSessionHandler extends DefaultSmppSessionHandler {

	private static final Logger log = LoggerFactory.getLogger(LinkSessionHandler.class);

	/** Encodes responses as Cloudhopper's session does (stateless, thread-safe). */
	private static final PduTranscoder transcoder = new DefaultPduTranscoder(new DefaultPduTranscoderContext());

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
			if (session instanceof DefaultSmppSession netty) {
				// the write is queued on the channel in call order; a failure is logged, as below
				netty.getChannel().write(transcoder.encode(response)).addListener((written) -> {
					if (!written.isSuccess()) {
						log.warn("{}: could not answer {} (seq {}): {}", this.link.name(), request.getName(),
								request.getSequenceNumber(), String.valueOf(written.getCause()));
					}
				});
			}
			else {
				session.sendResponsePdu(response);
			}
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

	@Override
	@SuppressWarnings("rawtypes")
	public void fireUnexpectedPduResponseReceived(PduResponse response) {
		log.warn("{}: ignored a {} (seq {}, status 0x{}) that answers no request in flight", this.link.name(),
				response.getName(), response.getSequenceNumber(), Integer.toHexString(response.getCommandStatus()));
	}

	/** A PDU framed right but unreadable: answer it (when it is a request) and go on. */
	@Override
	@SuppressWarnings("rawtypes")
	public void fireRecoverablePduException(RecoverablePduException ex) {
		Pdu partial = ex.getPartialPdu();
		log.warn("{}: unreadable PDU from the SMSC ({}): {}", this.link.name(),
				(partial != null) ? "command_id 0x" + Integer.toHexString(partial.getCommandId()) + ", seq "
						+ partial.getSequenceNumber() : "no header", ex.getMessage());
		if (partial instanceof PartialPdu unknown) {
			respond(unknown, SmppConstants.STATUS_INVCMDID);
		}
		else if (partial instanceof PduRequest request) {
			respond(request, SmppConstants.STATUS_SYSERR);
		}
	}

	/** The byte stream cannot be framed any more: drop the bind and bind again. */
	@Override
	public void fireUnrecoverablePduException(UnrecoverablePduException ex) {
		log.warn("{}: the SMSC sent a PDU that breaks the stream ({}); reconnecting", this.link.name(),
				ex.getMessage());
		this.link.lost(this.generation, "unrecoverable PDU");
	}

	@SuppressWarnings("rawtypes")
	private void respond(PduRequest request, int status) {
		SmppSession current = this.session.getNow(null);
		if (current != null) {
			respond(current, request, status);
		}
	}

}
