package io.smsgw.simulator.modem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.smsgw.simulator.modem.NetworkPdus.Pdu;

/**
 * The SIM's message storage ("SM"): numbered slots from 1, the lowest free one taken, each
 * holding a received SMS-DELIVER or status report and whether it was read.
 */
final class SimStorage {

	/** Slots of the simulated SIM. */
	static final int CAPACITY = 50;

	private final Map<Integer, Slot> slots = new TreeMap<>();

	/**
	 * One stored message.
	 *
	 * @param pdu the PDU as received
	 * @param read whether {@code +CMGR} or {@code +CMGL} showed it
	 */
	record Slot(Pdu pdu, boolean read) {

		/** {@code <stat>} of {@code +CMGR}/{@code +CMGL} in PDU mode: 0 unread, 1 read. */
		int stat() {
			return this.read ? 1 : 0;
		}

	}

	/** Stores a PDU and answers its index, or -1 when the storage is full. */
	int store(Pdu pdu) {
		for (int index = 1; index <= CAPACITY; index++) {
			if (!this.slots.containsKey(index)) {
				this.slots.put(index, new Slot(pdu, false));
				return index;
			}
		}
		return -1;
	}

	/** Reads a slot and marks it read; {@code null} when empty. */
	Slot read(int index) {
		Slot slot = this.slots.get(index);
		if (slot != null) {
			this.slots.put(index, new Slot(slot.pdu(), true));
		}
		return slot;
	}

	boolean delete(int index) {
		return this.slots.remove(index) != null;
	}

	/** Lists slots by {@code +CMGL} status (0 unread, 1 read, 4 all) and marks them read. */
	List<Map.Entry<Integer, Slot>> list(int stat) {
		List<Map.Entry<Integer, Slot>> listed = new ArrayList<>();
		for (Map.Entry<Integer, Slot> entry : this.slots.entrySet()) {
			if (stat == 4 || entry.getValue().stat() == stat) {
				listed.add(Map.entry(entry.getKey(), entry.getValue()));
			}
		}
		listed.forEach((entry) -> this.slots.put(entry.getKey(), new Slot(entry.getValue().pdu(), true)));
		return listed;
	}

	int size() {
		return this.slots.size();
	}

}
