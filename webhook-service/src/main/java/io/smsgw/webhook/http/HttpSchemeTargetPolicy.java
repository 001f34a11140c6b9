package io.smsgw.webhook.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Accepts absolute {@code http} and {@code https} URLs with a host and no user info.
 */
public class HttpSchemeTargetPolicy implements TargetPolicy {

	private static final int MAX_LENGTH = 2048;

	@Override
	public URI check(String url) {
		if (url == null || url.isBlank()) {
			throw new RejectedTargetException("no callback URL");
		}
		if (url.length() > MAX_LENGTH) {
			throw new RejectedTargetException("callback URL longer than " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new RejectedTargetException("callback URL is not a valid URI");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new RejectedTargetException("callback URL scheme must be http or https");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new RejectedTargetException("callback URL has no host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RejectedTargetException("callback URL must not carry credentials");
		}
		return uri;
	}

}
