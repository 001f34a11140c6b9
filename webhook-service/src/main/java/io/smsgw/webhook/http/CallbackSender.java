package io.smsgw.webhook.http;

/**
 * Sends one attempt of a callback and reports what happened; never throws for a failing
 * endpoint. The port behind which a per-endpoint circuit breaker can later decorate the HTTP
 * sender.
 */
public interface CallbackSender {

	CallbackResponse send(CallbackRequest request);

}
