package io.smsgw.api.inbound;

import java.util.List;

/**
 * A page of inbound messages, newest first.
 *
 * @param items the messages of this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 * @param <T> the view of a message
 */
public record InboundList<T>(List<T> items, String nextCursor) {
}
