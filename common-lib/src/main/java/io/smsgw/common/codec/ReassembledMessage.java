package io.smsgw.common.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A received message, joined from its parts.
 *
 * @param originator who sent it
 * @param text the text of the parts received, in order
 * @param encoding the parts' encoding (UCS-2 when parts came in different encodings: the text
 * is then what counts)
 * @param payload the parts' payloads joined, without headers
 * @param reference the concatenation reference (0 for a single part)
 * @param total the number of parts the message announced (1 for a single part)
 * @param received the sequence numbers of the parts received, ascending
 * @param incomplete whether parts were still missing when the timeout released it
 */
public record ReassembledMessage(String originator, String text, Encoding encoding, byte[] payload, int reference,
		int total, List<Integer> received, boolean incomplete) {

	public ReassembledMessage {
		received = List.copyOf(received);
	}

	/** The sequence numbers of the parts that never came, ascending. */
	public List<Integer> missing() {
		List<Integer> missing = new ArrayList<>();
		for (int sequence = 1; sequence <= this.total; sequence++) {
			if (!this.received.contains(sequence)) {
				missing.add(sequence);
			}
		}
		return missing;
	}

}
