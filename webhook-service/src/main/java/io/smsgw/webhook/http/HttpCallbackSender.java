package io.smsgw.webhook.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.smsgw.webhook.signing.WebhookSignature;

/**
 * Sends callbacks with the JDK {@link HttpClient}: a POST with the signed JSON body, a
 * timeout on the whole answer, redirects not followed (the client is built with
 * {@link HttpClient.Redirect#NEVER}), the answer's body discarded.
 */
public class HttpCallbackSender implements CallbackSender {

	private final HttpClient client;

	private final Duration readTimeout;

	private final String userAgent;

	private final Clock clock;

	public HttpCallbackSender(HttpClient client, Duration readTimeout, String userAgent, Clock clock) {
		this.client = client;
		this.readTimeout = readTimeout;
		this.userAgent = userAgent;
		this.clock = clock;
	}

	/** A client with a connect timeout, HTTP/1.1 and no redirects. */
	public static HttpClient client(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public CallbackResponse send(CallbackRequest request) {
		HttpRequest http = HttpRequest.newBuilder(request.target())
			.timeout(this.readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", this.userAgent)
			.header(WebhookSignature.SIGNATURE_HEADER, request.signature())
			.header(WebhookSignature.EVENT_ID_HEADER, request.eventId().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
			.build();
		Instant started = this.clock.instant();
		try {
			HttpResponse<Void> response = this.client.send(http, HttpResponse.BodyHandlers.discarding());
			Instant now = this.clock.instant();
			Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), now);
			return CallbackResponse.answered(response.statusCode(), retryAfter, Duration.between(started, now));
		}
		catch (HttpTimeoutException ex) {
			return CallbackResponse.unanswered("timeout: " + ex.getMessage(), since(started));
		}
		catch (IOException ex) {
			return CallbackResponse.unanswered(ex.getClass().getSimpleName() + describe(ex), since(started));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CallbackResponse.unanswered("interrupted", since(started));
		}
		catch (IllegalArgumentException ex) {
			return CallbackResponse.unanswered("request refused by the HTTP client: " + ex.getMessage(), since(started));
		}
	}

	private Duration since(Instant started) {
		return Duration.between(started, this.clock.instant());
	}

	private static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
	}

}
