package io.smsgw.common.connector;

import java.util.List;

import io.smsgw.common.event.MessageSent.SentPart;

/**
 * What a connector answers for one dispatched message.
 */
public sealed interface DispatchOutcome {

	/** The network accepted every part. */
	record Sent(List<SentPart> parts) implements DispatchOutcome {

		public Sent {
			parts = List.copyOf(parts);
		}

	}

	/**
	 * The network refused the message.
	 *
	 * @param errorCode the network's code (SMPP command_status as {@code 0x%08X}, CMS error)
	 * @param reason readable reason
	 * @param retriable whether another route or a later try may succeed
	 */
	record Failed(String errorCode, String reason, boolean retriable) implements DispatchOutcome {
	}

	/**
	 * The connector cannot send now (no bind up, throttled by the network): the runtime puts the
	 * message back and offers it again after a pause. This is not a failure of the message.
	 *
	 * @param reason readable reason
	 */
	record Requeue(String reason) implements DispatchOutcome {
	}

}
