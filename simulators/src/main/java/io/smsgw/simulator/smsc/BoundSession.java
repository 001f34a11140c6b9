package io.smsgw.simulator.smsc;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppServerSession;

/** A session the simulated SMSC created, with the system id and address range that bound it. */
record BoundSession(Long id, String systemId, String addressRange, SmppServerSession session) {

	/** Whether deliver_sm can go to it (receiver or transceiver). */
	boolean canReceive() {
		return this.session.getBindType() != SmppBindType.TRANSMITTER;
	}

	/** TX, RX or TRX. */
	String type() {
		return switch (this.session.getBindType()) {
			case TRANSMITTER -> "TX";
			case RECEIVER -> "RX";
			default -> "TRX";
		};
	}

}
