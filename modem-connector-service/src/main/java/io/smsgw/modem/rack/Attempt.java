package io.smsgw.modem.rack;

import java.util.List;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.MessageSent.SentPart;

/**
 * What one modem made of a message: a final outcome, or the message moves on to another modem
 * of the rack with the parts sent so far (their concatenation reference is the message's, so
 * parts sent by different modems still join on the handset).
 *
 * @param outcome the final outcome, or when moving, what to answer if no other modem can take it
 * @param sent the parts sent so far, in order
 * @param moves whether another modem should take the rest
 */
record Attempt(DispatchOutcome outcome, List<SentPart> sent, boolean moves) {

	Attempt {
		sent = List.copyOf(sent);
	}

	static Attempt done(DispatchOutcome outcome) {
		return new Attempt(outcome, List.of(), false);
	}

	static Attempt move(DispatchOutcome reason, List<SentPart> sent) {
		return new Attempt(reason, sent, true);
	}

}
