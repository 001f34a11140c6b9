package io.smsgw.router.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.smsgw.common.event.Topics;

/**
 * The router's settings ({@code sms.router.*}).
 *
 * @param defaultConnector the connector a message goes to when no prefix route matches (required)
 * @param routes static prefix routes, in order; the longest matching prefix wins, the first
 * listed among equally long ones
 * @param maxAttempts how many connectors one message may be tried on before it fails
 */
@ConfigurationProperties("sms.router")
public record RouterProperties(String defaultConnector, List<PrefixRouteProperties> routes, Integer maxAttempts) {

	public RouterProperties {
		if (defaultConnector == null || defaultConnector.isBlank()) {
			throw new IllegalArgumentException("sms.router.default-connector is required");
		}
		Topics.dispatch(defaultConnector);
		routes = (routes != null) ? List.copyOf(routes) : List.of();
		maxAttempts = (maxAttempts != null) ? maxAttempts : 3;
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("sms.router.max-attempts must be at least 1");
		}
	}

	/** Every connector named in the configuration, default first, without duplicates. */
	public List<String> connectorIds() {
		return java.util.stream.Stream
			.concat(java.util.stream.Stream.of(this.defaultConnector),
					this.routes.stream().map(PrefixRouteProperties::connector))
			.distinct()
			.toList();
	}

	/**
	 * One static route: destinations whose E.164 digits start with {@code prefix} go to
	 * {@code connector}.
	 *
	 * @param prefix E.164 digits, with or without a leading {@code +}, e.g. {@code 4917}
	 * @param connector the connector id
	 */
	public record PrefixRouteProperties(String prefix, String connector) {

		public PrefixRouteProperties {
			String digits = (prefix != null && prefix.startsWith("+")) ? prefix.substring(1) : prefix;
			if (digits == null || !digits.matches("[0-9]{1,15}")) {
				throw new IllegalArgumentException("sms.router.routes[].prefix must be E.164 digits: " + prefix);
			}
			prefix = digits;
			Topics.dispatch(connector);
		}

	}

}
