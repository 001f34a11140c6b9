package io.smsgw.router.config;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.smsgw.common.event.Topics;
import io.smsgw.router.routing.Connector;

/**
 * The router's settings ({@code sms.router.*}).
 *
 * @param defaultConnector the connector of the default route seeded into an empty route table
 * @param defaultConnectorKind the kind the seeded connectors are registered with (default SMPP)
 * @param routes static prefix routes seeded into an empty route table, in order
 * @param maxAttempts how many connectors one message may be tried on before it fails
 * @param reloadInterval how often the route table is reloaded even without a change event
 * @param healthStaleness how long a connector health report counts
 * @param security how admin tokens are checked
 */
@ConfigurationProperties("sms.router")
public record RouterProperties(String defaultConnector, Connector.Kind defaultConnectorKind,
		List<PrefixRouteProperties> routes, Integer maxAttempts, Duration reloadInterval, Duration healthStaleness,
		Security security) {

	public RouterProperties {
		if (defaultConnector != null && defaultConnector.isBlank()) {
			defaultConnector = null;
		}
		if (defaultConnector != null) {
			Topics.dispatch(defaultConnector);
		}
		defaultConnectorKind = (defaultConnectorKind != null) ? defaultConnectorKind : Connector.Kind.SMPP;
		routes = (routes != null) ? List.copyOf(routes) : List.of();
		maxAttempts = (maxAttempts != null) ? maxAttempts : 3;
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("sms.router.max-attempts must be at least 1");
		}
		reloadInterval = (reloadInterval != null) ? reloadInterval : Duration.ofMinutes(1);
		healthStaleness = (healthStaleness != null) ? healthStaleness : Duration.ofMinutes(2);
		security = (security != null) ? security : new Security(null, null, null);
	}

	/** Every connector named in the configuration, default first, without duplicates. */
	public List<String> connectorIds() {
		return Stream
			.concat(Stream.ofNullable(this.defaultConnector), this.routes.stream().map(PrefixRouteProperties::connector))
			.distinct()
			.toList();
	}

	/** The kind a configured connector is registered with: its static route's, else the default kind. */
	public Connector.Kind kindOf(String connectorId) {
		return this.routes.stream()
			.filter((route) -> route.connector().equals(connectorId) && route.kind() != null)
			.map(PrefixRouteProperties::kind)
			.findFirst()
			.orElse(this.defaultConnectorKind);
	}

	/**
	 * One static route: destinations whose E.164 digits start with {@code prefix} go to
	 * {@code connector}.
	 *
	 * @param prefix E.164 digits, with or without a leading {@code +}, e.g. {@code 4917}
	 * @param connector the connector id
	 * @param kind what drives the connector ({@code null}: {@code default-connector-kind})
	 */
	public record PrefixRouteProperties(String prefix, String connector, Connector.Kind kind) {

		public PrefixRouteProperties {
			String digits = (prefix != null && prefix.startsWith("+")) ? prefix.substring(1) : prefix;
			if (digits == null || !digits.matches("[0-9]{1,15}")) {
				throw new IllegalArgumentException("sms.router.routes[].prefix must be E.164 digits: " + prefix);
			}
			prefix = digits;
			Topics.dispatch(connector);
		}

	}

	/**
	 * The admin API's token check: JWTs signed by the api-service's issuer.
	 *
	 * @param jwkSetUri where the issuer's keys are (default the api-service's
	 * {@code http://127.0.0.1:8080/oauth2/jwks})
	 * @param issuerUri the issuer; when set, tokens must name it and the keys may be discovered from it
	 * @param adminScope the scope the admin API needs (default {@code admin})
	 */
	public record Security(String jwkSetUri, String issuerUri, String adminScope) {

		public Security {
			jwkSetUri = (jwkSetUri == null || jwkSetUri.isBlank()) ? null : jwkSetUri;
			issuerUri = (issuerUri == null || issuerUri.isBlank()) ? null : issuerUri;
			if (jwkSetUri == null && issuerUri == null) {
				jwkSetUri = "http://127.0.0.1:8080/oauth2/jwks";
			}
			adminScope = (adminScope == null || adminScope.isBlank()) ? "admin" : adminScope;
		}

	}

}
