package io.smsgw.common.event;

import java.util.Locale;

/**
 * The states a delivery receipt reports (the SMPP {@code stat} values and {@code message_state}
 * TLV), and the tenant-facing status each one maps to.
 */
public enum ReceiptState {

	ENROUTE(1, MessageStatus.SENT), DELIVERED(2, MessageStatus.DELIVERED), EXPIRED(3, MessageStatus.EXPIRED),
	DELETED(4, MessageStatus.UNDELIVERED), UNDELIVERABLE(5, MessageStatus.UNDELIVERED),
	ACCEPTED(6, MessageStatus.SENT), UNKNOWN(7, MessageStatus.SENT), REJECTED(8, MessageStatus.REJECTED);

	private final int messageState;

	private final MessageStatus status;

	ReceiptState(int messageState, MessageStatus status) {
		this.messageState = messageState;
		this.status = status;
	}

	/** The tenant-facing status this receipt state means. */
	public MessageStatus status() {
		return this.status;
	}

	/** The SMPP {@code message_state} TLV value. */
	public int messageState() {
		return this.messageState;
	}

	/**
	 * The state of a receipt's {@code stat} text, case-insensitive: DELIVRD, EXPIRED, DELETED,
	 * UNDELIV, ACCEPTD, UNKNOWN, REJECTD, ENROUTE (and the spelled-out forms some SMSCs send).
	 * @return the state, or {@code null} for text no SMSC is known to send
	 */
	public static ReceiptState fromStat(String stat) {
		if (stat == null) {
			return null;
		}
		return switch (stat.trim().toUpperCase(Locale.ROOT)) {
			case "DELIVRD", "DELIVERED" -> DELIVERED;
			case "EXPIRED" -> EXPIRED;
			case "DELETED" -> DELETED;
			case "UNDELIV", "UNDELIVERABLE", "UNDELIVERED" -> UNDELIVERABLE;
			case "ACCEPTD", "ACCEPTED" -> ACCEPTED;
			case "UNKNOWN" -> UNKNOWN;
			case "REJECTD", "REJECTED" -> REJECTED;
			case "ENROUTE" -> ENROUTE;
			default -> null;
		};
	}

	/** The state of an SMPP {@code message_state} TLV value, or {@code null}. */
	public static ReceiptState fromMessageState(int value) {
		for (ReceiptState state : values()) {
			if (state.messageState == value) {
				return state;
			}
		}
		return null;
	}

	/** The receipt's {@code stat} text as SMSCs write it. */
	public String stat() {
		return switch (this) {
			case DELIVERED -> "DELIVRD";
			case UNDELIVERABLE -> "UNDELIV";
			case ACCEPTED -> "ACCEPTD";
			case REJECTED -> "REJECTD";
			default -> name();
		};
	}

}
