package io.smsgw.api.message;

import java.util.List;

/**
 * Body of {@code POST /v1/messages/batch}: up to {@code sms.api.messages.max-batch-size} messages.
 *
 * @param messages the messages, each like the body of {@code POST /v1/messages}
 */
public record BatchRequest(List<SendMessageRequest> messages) {
}
