package io.smsgw.modem.pdu;

import java.time.OffsetDateTime;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.event.ReceiptState;

/**
 * A PDU the network sent the modem, as {@link ReceivedPduDecoder} reads it.
 */
public sealed interface ReceivedPdu {

	/**
	 * An SMS-DELIVER (TS 23.040 §9.2.2.1).
	 *
	 * @param originator the sender: {@code +} and digits when international, digits, or the
	 * alphanumeric name
	 * @param serviceCentreTime TP-SCTS, with its zone
	 * @param part the user data, decoded (header, text)
	 */
	record Deliver(String originator, OffsetDateTime serviceCentreTime, DecodedPart part) implements ReceivedPdu {
	}

	/**
	 * An SMS-STATUS-REPORT (TS 23.040 §9.2.2.3).
	 *
	 * @param reference TP-MR of the message it reports on (0 to 255)
	 * @param recipient TP-RA
	 * @param serviceCentreTime TP-SCTS: when the SMSC took the message
	 * @param dischargeTime TP-DT: when it reached the state reported
	 * @param status TP-ST (§9.2.3.15)
	 */
	record StatusReport(int reference, String recipient, OffsetDateTime serviceCentreTime,
			OffsetDateTime dischargeTime, int status) implements ReceivedPdu {

		/** The receipt state TP-ST means. */
		public ReceiptState state() {
			return StatusCodes.state(this.status);
		}

	}

}
