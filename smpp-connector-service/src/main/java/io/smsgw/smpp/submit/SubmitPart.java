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
 * @param shortMessage the short_message octets (UDH included)
 */
public record SubmitPart(int partNumber, int partCount, SmppAddress source, SmppAddress destination, int esmClass,
		int dataCoding, int registeredDelivery, byte[] shortMessage) {
}
