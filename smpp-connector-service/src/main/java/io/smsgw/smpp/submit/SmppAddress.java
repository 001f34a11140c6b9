package io.smsgw.smpp.submit;

/**
 * An address as it goes into a PDU.
 *
 * @param ton type of number
 * @param npi numbering plan indicator
 * @param address the digits or alphanumeric text, without a leading '+'
 */
public record SmppAddress(int ton, int npi, String address) {
}
