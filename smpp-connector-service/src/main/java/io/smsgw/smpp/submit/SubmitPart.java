package io.smsgw.smpp.submit;

/**
 * One submit_sm to send, free of any SMPP library type.
 *
 * @param partNumber 1-based part number
 * @param partCount number of parts of the message
 * @param source source address
 * @param destination destination address
 * @param esmClass esm_class (0x40 when the short message starts with a UDH)
 * @param dataCoding data_coding
 * @param registeredDelivery registered_delivery
 * @param shortMessage the short_message octets (UDH included), empty when the text goes in
 * message_payload
 * @param messagePayload the message_payload TLV octets, or {@code null}
 * @param sar the SAR TLVs, or {@code null}
 * @param validityPeriod validity_period in SMPP absolute format, or {@code null} for the SMSC default
 */
public record SubmitPart(int partNumber, int partCount, SmppAddress source, SmppAddress destination, int esmClass,
		int dataCoding, int registeredDelivery, byte[] shortMessage, byte[] messagePayload, Sar sar,
		String validityPeriod) {

	/**
	 * The SAR TLVs of one part.
	 *
	 * @param reference sar_msg_ref_num (16 bits)
	 * @param total sar_total_segments
	 * @param sequence sar_segment_seqnum (1-based)
	 */
	public record Sar(int reference, int total, int sequence) {
	}

}
