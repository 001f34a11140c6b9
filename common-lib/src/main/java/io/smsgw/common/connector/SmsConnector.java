package io.smsgw.common.connector;

import java.util.concurrent.CompletionStage;

import io.smsgw.common.event.DispatchRequest;

/**
 * The port every connector implements: SMPP binds, modem racks, and whatever comes next. The
 * dispatch runtime hands it one message at a time and publishes what it answers. An
 * implementation never reports a success it did not have: {@link DispatchOutcome.Sent} only
 * once the network accepted every part.
 */
public interface SmsConnector {

	/** The connector id, as in {@code sms.mt.dispatch.<id>}. */
	String id();

	/**
	 * Sends one message. The stage completes when the network answered for every part or the
	 * connector gives the message back; it never completes exceptionally for network errors
	 * (those are {@link DispatchOutcome.Failed} or {@link DispatchOutcome.Requeue}).
	 */
	CompletionStage<DispatchOutcome> dispatch(DispatchRequest request);

	/** Links (binds, modems) that can send now, and configured. */
	LinkCount links();

	/**
	 * Binds or modems up out of configured.
	 *
	 * @param up links that can send now
	 * @param total links configured
	 */
	record LinkCount(int up, int total) {
	}

}
