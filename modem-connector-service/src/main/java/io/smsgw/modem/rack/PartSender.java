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
 * Sends the parts of one message on an initialised modem, one {@code AT+CMGS} each, and says
 * what happened: sent only when every part got {@code +CMGS: <mr>} and {@code OK}.
 */
final class PartSender {

	/**
	 * @param outcome what to answer for the message
	 * @param modemProblem why the modem must be taken down, or {@code null}
	 */
	record Result(DispatchOutcome outcome, String modemProblem) {
	}

	private PartSender() {
	}

	/** @throws AtException when the modem did not answer as it should (the modem's state is unknown) */
	static Result send(AtEngine engine, String modemId, List<SubmitPdu> pdus, EncodedMessage message,
			Duration timeout) throws AtException {
		List<SentPart> parts = new ArrayList<>(pdus.size());
		for (int i = 0; i < pdus.size(); i++) {
			SubmitPdu pdu = pdus.get(i);
			AtResponse response = engine.executeWithPrompt("AT+CMGS=" + pdu.tpduLength(), pdu.hex(), timeout);
			if (!response.isOk()) {
				String problem = CmsErrors.isModemFault(response.result()) ? "answered " + response.result() : null;
				return new Result(CmsErrors.failed(response.result()), problem);
			}
			String reference = response.info("+CMGS").map((mr) -> mr.split(",")[0].trim()).orElse("");
			if (reference.isEmpty()) {
				return new Result(new DispatchOutcome.Requeue("modem " + modemId + " gave no message reference"),
						"OK without +CMGS");
			}
			parts.add(new SentPart(message.segments().get(i).number(), modemId + ":" + reference));
		}
		return new Result(new DispatchOutcome.Sent(parts), null);
	}

}
