package io.smsgw.api.message;

import java.util.List;

/**
 * What a message would be sent as: the answer of {@code POST /v1/messages/preview}.
 *
 * @param to the destination in E.164, or {@code null} when none was given
 * @param from the sender id in its canonical form, or {@code null}
 * @param encoding GSM7 or UCS2
 * @param units GSM-7 septets or UTF-16 units the text takes
 * @param segments parts it would be sent in
 * @param charactersLeft units still free in the last part
 * @param maxParts the most parts the tenant may send a message in
 * @param body the text as it would be sent (after transliteration)
 * @param replacements what transliteration would replace (empty when it is off or changes nothing)
 */
public record Preview(String to, String from, String encoding, int units, int segments, int charactersLeft,
		int maxParts, String body, List<ReplacementView> replacements) {
}
