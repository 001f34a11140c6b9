package io.smsgw.api.message;

import java.util.UUID;

/**
 * Answer to an accepted message.
 *
 * @param id the message id
 * @param status always {@code accepted}
 * @param to the destination in E.164
 * @param encoding GSM7 or UCS2
 * @param segments parts the message is sent in
 * @param charactersLeft characters (GSM-7 septets or UTF-16 units) still free in the last part
 */
public record AcceptedMessage(UUID id, String status, String to, String encoding, int segments,
		int charactersLeft) {
}
