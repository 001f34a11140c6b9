package io.smsgw.modem.serial;

import java.io.IOException;
import java.time.Duration;

import io.smsgw.modem.at.SerialLink;

/**
 * Opens {@link JSerialCommLink}s.
 *
 * @param poll the longest a read waits for the first byte (also how fast a close completes)
 * @param writeTimeout the longest a write waits
 */
public record JSerialCommOpener(Duration poll, Duration writeTimeout) implements SerialLink.Opener {

	@Override
	public SerialLink open(String port, int baudRate) throws IOException {
		return JSerialCommLink.open(port, baudRate, (int) this.poll.toMillis(), (int) this.writeTimeout.toMillis());
	}

}
