package io.smsgw.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;

import io.smsgw.api.ApiApplication;
import io.smsgw.dlr.DlrApplication;
import io.smsgw.modem.ModemConnectorApplication;
import io.smsgw.router.RouterApplication;
import io.smsgw.smpp.SmppConnectorApplication;
import io.smsgw.webhook.WebhookApplication;

/**
 * The services of the suite, in start order, with what each one leaves out when all of them
 * share one classpath: in production each runs from its own jar, which simply does not hold the
 * database or security libraries it does not use.
 */
enum ServiceKind {

	API("api-service", 0, ApiApplication::application, true, true),
	DLR("dlr-service", 4, DlrApplication::application, true, false),
	WEBHOOK("webhook-service", 5, WebhookApplication::application, true, true),
	ROUTER("router-service", 1, RouterApplication::application, true, true),
	SMPP("smpp-connector-service", 2, SmppConnectorApplication::application, false, false),
	MODEM("modem-connector-service", 3, ModemConnectorApplication::application, false, false);

	private static final List<String> DATABASE_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

	private static final List<String> SECURITY_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");

	private final String serviceName;

	private final int portOffset;

	private final Supplier<SpringApplication> application;

	private final boolean database;

	private final boolean security;

	ServiceKind(String serviceName, int portOffset, Supplier<SpringApplication> application, boolean database,
			boolean security) {
		this.serviceName = serviceName;
		this.portOffset = portOffset;
		this.application = application;
		this.database = database;
		this.security = security;
	}

	String serviceName() {
		return this.serviceName;
	}

	int portOffset() {
		return this.portOffset;
	}

	boolean usesDatabase() {
		return this.database;
	}

	SpringApplication application() {
		return this.application.get();
	}

	/** Auto-configurations this service does not use. */
	List<String> exclusions() {
		List<String> exclusions = new ArrayList<>();
		if (!this.database) {
			exclusions.addAll(DATABASE_AUTO_CONFIGURATIONS);
		}
		if (!this.security) {
			exclusions.addAll(SECURITY_AUTO_CONFIGURATIONS);
		}
		return exclusions;
	}

}
