package io.smsgw.simulator.smsc;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppServerSession;

/** A session the simulated SMSC created, with the system id that bound it. */
record BoundSession(Long id, String systemId, SmppServerSession session) {

	/** Whether deliver_sm can go to it (receiver or transceiver). */
	boolean canReceive() {
		return this.session.getBindType() != SmppBindType.TRANSMITTER;
	}

}
