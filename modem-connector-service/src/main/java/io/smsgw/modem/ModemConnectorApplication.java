package io.smsgw.modem;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The modem connector: sends dispatched messages through racks of GSM modems.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ModemConnectorApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "modem-connector-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code modem-connector-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(ModemConnectorApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
