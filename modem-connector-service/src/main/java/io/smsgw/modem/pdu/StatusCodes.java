package io.smsgw.modem.pdu;

import io.smsgw.common.event.ReceiptState;

/**
 * TP-Status values (3GPP TS 23.040 §9.2.3.15) as receipt states: 0x00–0x02 the transaction
 * completed (received, forwarded, replaced); 0x20–0x3F temporary error, the SC still trying;
 * 0x40–0x5F permanent error (0x46 validity expired, 0x47/0x48 deleted); 0x60–0x7F temporary
 * error, the SC stopped trying. Reserved and SC-specific completed values read as unknown.
 */
final class StatusCodes {

	private StatusCodes() {
	}

	static ReceiptState state(int status) {
		int st = status & 0x7F;
		if (st <= 0x02) {
			return ReceiptState.DELIVERED;
		}
		if (st < 0x20) {
			return ReceiptState.UNKNOWN;
		}
		if (st < 0x40) {
			return ReceiptState.ENROUTE;
		}
		if (st == 0x46) {
			return ReceiptState.EXPIRED;
		}
		if (st == 0x47 || st == 0x48) {
			return ReceiptState.DELETED;
		}
		return ReceiptState.UNDELIVERABLE;
	}

}
