package io.smsgw.api.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answer to an accepted message.
 *
 * @param id the message id
 * @param status {@code accepted}, or {@code scheduled} when it waits for its {@code sendAt}
 * @param to the destination in E.164
 * @param encoding GSM7 or UCS2
 * @param segments parts the message is sent in
 * @param charactersLeft characters (GSM-7 septets or UTF-16 units) still free in the last part
 * @param messageType transactional or marketing
 * @param clientReference the tenant's reference, or {@code null}
 * @param sendAt when it will be sent, or {@code null} for now
 * @param validUntil when delivery stops, or {@code null} for the network's default
 * @param replacements what transliteration replaced (empty when it was off or changed nothing)
 */
public record AcceptedMessage(UUID id, String status, String to, String encoding, int segments,
		int charactersLeft, String messageType, String clientReference, Instant sendAt, Instant validUntil,
		List<ReplacementView> replacements) {
}
