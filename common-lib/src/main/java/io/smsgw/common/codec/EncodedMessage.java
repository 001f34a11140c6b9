package io.smsgw.common.codec;

import java.util.List;

/**
 * A text encoded and split for sending.
 *
 * @param encoding the encoding chosen
 * @param units septets (GSM-7, extension characters count two), UTF-16 units or octets in all
 * @param segments the parts in order
 * @param unitsLeft units still free in the last part
 */
public record EncodedMessage(Encoding encoding, int units, List<Segment> segments, int unitsLeft) {

	public EncodedMessage {
		segments = List.copyOf(segments);
	}

	/** The number of parts. */
	public int segmentCount() {
		return this.segments.size();
	}

}
