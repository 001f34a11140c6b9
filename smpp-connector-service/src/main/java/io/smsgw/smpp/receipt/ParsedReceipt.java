package io.smsgw.smpp.receipt;

import java.time.Instant;

import io.smsgw.common.event.ReceiptState;

/**
 * The facts of a delivery receipt, each {@code null} when the receipt did not carry it.
 *
 * @param messageId the SMSC's id of the message, normalised
 * @param state the reported state
 * @param errorCode the {@code err:} field as written
 * @param submittedAt the {@code submit date:} field
 * @param doneAt the {@code done date:} field
 * @param text the {@code text:} field
 */
public record ParsedReceipt(String messageId, ReceiptState state, String errorCode, Instant submittedAt,
		Instant doneAt, String text) {

	/** Whether the receipt names the message and its state. */
	public boolean isComplete() {
		return this.messageId != null && this.state != null;
	}

}
