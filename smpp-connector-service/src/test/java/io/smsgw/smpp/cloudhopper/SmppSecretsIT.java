package io.smsgw.smpp.cloudhopper;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;

import io.smsgw.smpp.properties.SmppProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bind and trust-store passwords of the running connector's connections are masked wherever
 * the configuration is printed (the start-up line, validation messages), and no actuator endpoint
 * that shows configuration or memory is exposed over HTTP.
 */
class SmppSecretsIT extends SmppConnectorITSupport {

	@Autowired
	SmppProperties properties;

	@Autowired
	WebEndpointsSupplier webEndpoints;

	@Test
	void passwordsAreMaskedWhereverTheConfigurationIsPrinted() {
		String printed = this.properties.toString();
		assertThat(this.properties.connections()).hasSizeGreaterThan(10);
		assertThat(printed).contains("rogue", "password=***")
			.doesNotContain(ROGUE_PASSWORD, TestKeyStores.PASSWORD, "password=secret");
		SmppProperties.Connection tls = this.properties.connections()
			.stream()
			.filter((c) -> c.id().equals("tls"))
			.findFirst()
			.orElseThrow();
		assertThat(tls.tls().trustStorePassword()).as("the test really sets one").isEqualTo(TestKeyStores.PASSWORD);
		assertThat(tls.toString()).doesNotContain(TestKeyStores.PASSWORD);
		assertThat(tls.tls().toString()).contains("trustStorePassword=***").doesNotContain(TestKeyStores.PASSWORD);
	}

	@Test
	void noActuatorEndpointShowsConfigurationOrMemory() {
		List<String> exposed = this.webEndpoints.getEndpoints()
			.stream()
			.map(ExposableEndpoint::getEndpointId)
			.map(Object::toString)
			.toList();
		assertThat(exposed).contains("health", "prometheus")
			.doesNotContain("env", "configprops", "heapdump", "threaddump", "beans", "loggers", "mappings");
	}

}
