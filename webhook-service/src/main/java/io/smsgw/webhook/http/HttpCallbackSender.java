package io.smsgw.webhook.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import io.smsgw.webhook.signing.WebhookSignature;

/**
 * Sends callbacks over HTTP/1.1 (Apache HttpClient 5, pooled keep-alive connections): a POST
 * with the signed JSON body, a timeout on the answer, redirects never followed (a 3xx is a
 * failed attempt), no automatic retries, no cookies. A request pinned to checked addresses
 * ({@link CallbackRequest#addresses()}) is connected to those addresses only, with the URL's
 * host name kept for the {@code Host} header, TLS SNI and certificate checks: the host is
 * never resolved again between the SSRF check and the connection.
 */
public class HttpCallbackSender implements CallbackSender, AutoCloseable {

	private static final ContentType JSON = ContentType.create("application/json");

	private final CloseableHttpClient client;

	private final Duration readTimeout;

	private final String userAgent;

	private final Clock clock;

	public HttpCallbackSender(CloseableHttpClient client, Duration readTimeout, String userAgent, Clock clock) {
		this.client = client;
		this.readTimeout = readTimeout;
		this.userAgent = userAgent;
		this.clock = clock;
	}

	/** A pooled HTTP/1.1 client with a connect timeout, no redirects, no retries and no cookies. */
	public static CloseableHttpClient client(Duration connectTimeout) {
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(connectTimeout))
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.setTimeToLive(TimeValue.ofMinutes(5))
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(connection)
				.setMaxConnTotal(1024)
				.setMaxConnPerRoute(1024)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.evictExpiredConnections()
			.build();
	}

	@Override
	public CallbackResponse send(CallbackRequest request) {
		Instant started = this.clock.instant();
		try {
			HttpPost post = post(request);
			List<InetAddress> addresses = request.addresses();
			if (addresses.isEmpty()) {
				return exchange(null, post, started);
			}
			IOException unreachable = null;
			for (InetAddress address : addresses) {
				try {
					return exchange(pinned(request.target(), address), post, started);
				}
				catch (ConnectException | NoRouteToHostException | ConnectTimeoutException ex) {
					unreachable = ex; // nothing was sent: try the next checked address
				}
			}
			throw unreachable;
		}
		catch (InterruptedIOException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return CallbackResponse.unanswered("interrupted", since(started));
			}
			return CallbackResponse.unanswered("timeout: " + ex.getClass().getSimpleName() + describe(ex),
					since(started));
		}
		catch (IOException ex) {
			return CallbackResponse.unanswered(ex.getClass().getSimpleName() + describe(ex), since(started));
		}
		catch (IllegalArgumentException ex) {
			return CallbackResponse.unanswered("request refused by the HTTP client: " + ex.getMessage(), since(started));
		}
	}

	private CallbackResponse exchange(HttpHost target, HttpPost post, Instant started) throws IOException {
		return this.client.execute(target, post, null, (response) -> {
			Instant now = this.clock.instant();
			Header retryAfter = response.getFirstHeader("Retry-After");
			Header location = response.getFirstHeader("Location");
			return CallbackResponse.answered(response.getCode(),
					RetryAfter.parse((retryAfter != null) ? retryAfter.getValue() : null, now),
					(location != null) ? location.getValue() : null, Duration.between(started, now));
		});
	}

	private HttpPost post(CallbackRequest request) {
		HttpPost post = new HttpPost(request.target());
		post.setConfig(RequestConfig.custom()
			.setResponseTimeout(Timeout.of(this.readTimeout))
			.setConnectionRequestTimeout(Timeout.of(this.readTimeout))
			.build());
		post.setHeader("User-Agent", this.userAgent);
		post.setHeader(WebhookSignature.SIGNATURE_HEADER, request.signature());
		post.setHeader(WebhookSignature.EVENT_ID_HEADER, request.eventId().toString());
		post.setEntity(new ByteArrayEntity(request.body(), JSON));
		return post;
	}

	/** The target as the connection sees it: the checked address, with the URL's host name. */
	static HttpHost pinned(URI target, InetAddress address) {
		return new HttpHost(target.getScheme().toLowerCase(java.util.Locale.ROOT), address,
				PrivateAddressTargetPolicy.host(target), target.getPort());
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

	private Duration since(Instant started) {
		return Duration.between(started, this.clock.instant());
	}

	private static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ": " + ex.getMessage() : "";
	}

}
