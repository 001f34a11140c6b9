package io.smsgw.modem.rack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.modem.at.AtEngine;
import io.smsgw.modem.at.AtException;
import io.smsgw.modem.at.AtResponse;
import io.smsgw.modem.pdu.SubmitPdu;

/**
 * Sends the parts of one message not sent yet on an initialised modem, one {@code AT+CMGS}
 * each, and says what happened: sent only when every part got {@code +CMGS: <mr>} and
 * {@code OK}. A refusal the network would repeat (a permanent CMS error) ends the message; any
 * other error moves the rest to another modem.
 */
final class PartSender {

	/**
	 * @param attempt what to answer
	 * @param modemProblem why the modem must be taken down, or {@code null}
	 * @param networkError whether a retriable network error was answered (counted against the modem)
	 */
	record Result(Attempt attempt, String modemProblem, boolean networkError) {
	}

	private PartSender() {
	}

	/** @throws AtException when the modem did not answer as it should (the modem's state is unknown) */
	static Result send(AtEngine engine, String modemId, List<SubmitPdu> pdus, EncodedMessage message,
			List<SentPart> sentBefore, Duration timeout, List<SentPart> sentSoFar) throws AtException {
		List<SentPart> parts = sentSoFar;
		parts.addAll(sentBefore);
		for (int i = parts.size(); i < pdus.size(); i++) {
			SubmitPdu pdu = pdus.get(i);
			AtResponse response = engine.executeWithPrompt("AT+CMGS=" + pdu.tpduLength(), pdu.hex(), timeout);
			if (!response.isOk()) {
				DispatchOutcome.Failed failed = CmsErrors.failed(response.result());
				if (CmsErrors.isModemFault(response.result())) {
					return new Result(Attempt.move(failed, parts), "answered " + response.result(), false);
				}
				if (!failed.retriable()) {
					return new Result(Attempt.done(failed), null, false);
				}
				return new Result(Attempt.move(failed, parts), null, true);
			}
			String reference = response.info("+CMGS").map((mr) -> mr.split(",")[0].trim()).orElse("");
			if (reference.isEmpty()) {
				return new Result(Attempt.move(new DispatchOutcome.Requeue("modem " + modemId + " gave no message reference"),
						parts), "OK without +CMGS", false);
			}
			parts.add(new SentPart(message.segments().get(i).number(), modemId + ":" + reference));
		}
		return new Result(Attempt.done(new DispatchOutcome.Sent(new ArrayList<>(parts))), null, false);
	}

}
