package io.smsgw.modem.pdu;

/**
 * One SMS-SUBMIT as {@code AT+CMGS} takes it in PDU mode.
 *
 * @param hex the SMSC address followed by the TPDU, in upper-case hex
 * @param tpduLength the TPDU's length in octets, without the SMSC address: the argument of
 * {@code AT+CMGS=<length>}
 */
public record SubmitPdu(String hex, int tpduLength) {
}
