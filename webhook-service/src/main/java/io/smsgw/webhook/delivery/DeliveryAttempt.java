package io.smsgw.webhook.delivery;

import java.time.Instant;

/**
 * One HTTP attempt of a delivery.
 *
 * @param at when it started
 * @param status the HTTP status, or {@code null} when no answer came
 * @param error why it failed, or {@code null}
 * @param durationMs how long it took
 */
public record DeliveryAttempt(Instant at, Integer status, String error, long durationMs) {

}
