package io.smsgw.smpp.submit;

/** How the parts of a long message are tied together for one SMSC. */
public enum Concatenation {

	/** A concatenation UDH in each short_message (esm_class 0x40). */
	UDH,

	/** The sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs; no UDH. */
	SAR,

	/** One submit_sm with the whole text in the message_payload TLV. */
	PAYLOAD

}
