package io.smsgw.dlr.status;

import java.time.Instant;

import io.smsgw.common.event.MessageStatus;

/**
 * A status a message reached.
 *
 * @param status the status
 * @param at when it was reached in the network (or the gateway)
 * @param errorCode the network's error code, or {@code null}
 * @param detail a readable explanation, or {@code null}
 */
public record StatusEntry(MessageStatus status, Instant at, String errorCode, String detail) {

}
