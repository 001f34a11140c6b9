package io.smsgw.smpp.cloudhopper;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.SmppTimeoutException;

import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.submit.PartResult;

/**
 * The submit_sm of one bind waiting for their response: each carries its future as the PDU's
 * reference object, completed from the response callback, on expiry, or when the link is lost.
 */
final class InFlightSubmits {

	private final Set<CompletableFuture<PartResult>> pending = ConcurrentHashMap.newKeySet();

	private final Duration responseTimeout;

	private final SmppMetrics metrics;

	InFlightSubmits(Duration responseTimeout, SmppMetrics metrics) {
		this.responseTimeout = responseTimeout;
		this.metrics = metrics;
	}

	/** Sends without waiting for the response; blocks only while the window is full. */
	CompletableFuture<PartResult> submit(SmppSession session, SubmitSm pdu, int partNumber) {
		CompletableFuture<PartResult> result = new CompletableFuture<>();
		pdu.setReferenceObject(new InFlight(partNumber, result, System.nanoTime()));
		this.pending.add(result);
		result.whenComplete((r, ex) -> this.pending.remove(result));
		try {
			session.sendRequestPdu(pdu, this.responseTimeout.toMillis(), false);
		}
		catch (SmppTimeoutException ex) {
			result.complete(PartResult.unanswered(partNumber, "window full"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.complete(PartResult.unanswered(partNumber, "interrupted"));
		}
		catch (Exception ex) {
			result.complete(PartResult.unanswered(partNumber, "send failed: " + ex.getClass().getSimpleName()));
		}
		return result.completeOnTimeout(PartResult.unanswered(partNumber, "no response in time"),
				this.responseTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
	}

	@SuppressWarnings("rawtypes")
	void responded(PduRequest request, PduResponse response) {
		if (request.getReferenceObject() instanceof InFlight inFlight) {
			// a generic_nack instead of a submit_sm_resp carries its error (or, oddly, none: a system error)
			int status = response.getCommandStatus();
			String messageId = null;
			if (response instanceof SubmitSmResp resp) {
				messageId = resp.getMessageId();
			}
			else if (status == 0) {
				status = SmppConstants.STATUS_SYSERR;
			}
			this.metrics.submitAnswered(status, Duration.ofNanos(System.nanoTime() - inFlight.sentAt()));
			inFlight.result().complete(PartResult.answered(inFlight.partNumber(), status, messageId));
		}
	}

	@SuppressWarnings("rawtypes")
	void expired(PduRequest request) {
		if (request.getReferenceObject() instanceof InFlight inFlight) {
			this.metrics.submitAnswered(null, Duration.ZERO);
			inFlight.result().complete(PartResult.unanswered(inFlight.partNumber(), "response timeout"));
		}
	}

	/** Submits waiting for their response. */
	int size() {
		return this.pending.size();
	}

	/** Completes everything still waiting as unanswered. */
	void failAll(String why) {
		for (CompletableFuture<PartResult> waiting : Set.copyOf(this.pending)) {
			waiting.complete(PartResult.unanswered(0, why));
		}
	}

	/** What a submit_sm in flight carries as its reference object. */
	private record InFlight(int partNumber, CompletableFuture<PartResult> result, long sentAt) {
	}

}
