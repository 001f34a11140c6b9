package io.smsgw.webhook.delivery;

import java.net.URI;
import java.util.Locale;

/**
 * The endpoint of a callback URL: lower-case host and port (default port of the scheme), the unit
 * of circuit breaking and of per-endpoint concurrency.
 */
public final class Endpoints {

	private Endpoints() {
	}

	/** {@code host:port}, or {@code invalid} for a URL without a host. */
	public static String of(String url) {
		try {
			URI uri = URI.create(url.trim());
			if (uri.getHost() == null) {
				return "invalid";
			}
			int port = (uri.getPort() >= 0) ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
		}
		catch (RuntimeException ex) {
			return "invalid";
		}
	}

}
