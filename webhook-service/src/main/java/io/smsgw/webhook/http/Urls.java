package io.smsgw.webhook.http;

import java.net.URI;

/**
 * Callback URLs as they may appear in logs: scheme, host, port and path only, since user info
 * and query strings often carry tenants' tokens.
 */
public final class Urls {

	private Urls() {
	}

	/** The URL without user info, query or fragment. */
	public static String redact(URI uri) {
		if (uri == null) {
			return "(none)";
		}
		if (uri.getHost() == null) {
			return "(unparsable URL)";
		}
		String port = (uri.getPort() >= 0) ? ":" + uri.getPort() : "";
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		return uri.getScheme() + "://" + uri.getHost() + port + path
				+ ((uri.getRawQuery() != null) ? "?…" : "");
	}

	/** {@link #redact(URI)} for a URL string that may not parse. */
	public static String redact(String url) {
		try {
			return redact(URI.create(url));
		}
		catch (RuntimeException ex) {
			return "(unparsable URL)";
		}
	}

}
