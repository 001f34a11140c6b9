package io.smsgw.simulator.smsc;

import java.time.Instant;
import java.util.HexFormat;

/**
 * One {@code submit_sm} as the simulated SMSC received it, with what it answered.
 *
 * @param systemId the system id of the session it came in on
 * @param sourceAddr source address
 * @param sourceTon source TON
 * @param sourceNpi source NPI
 * @param destAddr destination address
 * @param destTon destination TON
 * @param destNpi destination NPI
 * @param esmClass esm_class
 * @param dataCoding data_coding
 * @param registeredDelivery registered_delivery
 * @param shortMessage short_message bytes (UDH included when esm_class has 0x40)
 * @param commandStatus the command_status answered (0 = ESME_ROK)
 * @param messageId the message id given, or {@code null} when the submit was refused
 * @param commandStatus the command_status answered (0 = ESME_ROK), or {@link #UNANSWERED}
 * @param receivedAt when it was received
 * @param messagePayload the message_payload TLV, or {@code null}
 * @param sarReference sar_msg_ref_num, or {@code null}
 * @param sarTotal sar_total_segments, or {@code null}
 * @param sarSequence sar_segment_seqnum, or {@code null}
 * @param validityPeriod validity_period as sent, or {@code null}
 * @param receiptId the id its receipt carries (the same number as {@code messageId}, maybe in another form)
 * @param sessionId the simulator's id of the bound session it came in on (tells the binds apart)
 */
public record ReceivedSubmit(String systemId, String sourceAddr, int sourceTon, int sourceNpi, String destAddr,
		int destTon, int destNpi, int esmClass, int dataCoding, int registeredDelivery, byte[] shortMessage,
		int commandStatus, String messageId, Instant receivedAt, byte[] messagePayload, Integer sarReference,
		Integer sarTotal, Integer sarSequence, String validityPeriod, String receiptId, long sessionId) {

	/** The command_status of a submit that was never answered (its connection was dropped). */
	public static final int UNANSWERED = -1;

	/** Whether the SMSC accepted it (answered ESME_ROK). */
	public boolean accepted() {
		return this.commandStatus == 0;
	}

	/** Whether it carries the SAR TLVs. */
	public boolean hasSar() {
		return this.sarTotal != null;
	}

	/** Whether the short message starts with a user data header (esm_class bit 0x40). */
	public boolean hasUdh() {
		return (this.esmClass & 0x40) != 0;
	}

	/** The user data header (with its length octet), or an empty array. */
	public byte[] udh() {
		if (!hasUdh() || this.shortMessage.length == 0) {
			return new byte[0];
		}
		int length = Math.min(this.shortMessage.length, (this.shortMessage[0] & 0xFF) + 1);
		return java.util.Arrays.copyOf(this.shortMessage, length);
	}

	/** The text octets: the message_payload TLV when present, else the short message without its UDH. */
	public byte[] payload() {
		if (this.messagePayload != null) {
			return this.messagePayload.clone();
		}
		int start = udh().length;
		return java.util.Arrays.copyOfRange(this.shortMessage, start, this.shortMessage.length);
	}

	@Override
	public String toString() {
		return "ReceivedSubmit[" + this.systemId + "@" + this.sessionId + " " + this.sourceAddr + "(" + this.sourceTon + "/" + this.sourceNpi
				+ ") -> " + this.destAddr + "(" + this.destTon + "/" + this.destNpi + ") esm=" + this.esmClass
				+ " dc=" + this.dataCoding + " sm=" + HexFormat.of().formatHex(this.shortMessage) + " status="
				+ this.commandStatus + " id=" + this.messageId + (hasSar() ? " sar=" + this.sarReference + "/"
						+ this.sarTotal + "/" + this.sarSequence : "")
				+ ((this.messagePayload != null) ? " payload=" + this.messagePayload.length : "") + "]";
	}

}
