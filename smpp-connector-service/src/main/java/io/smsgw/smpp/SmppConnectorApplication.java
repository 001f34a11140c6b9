package io.smsgw.smpp;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The SMPP connector: binds to SMSCs and sends dispatched messages over SMPP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmppConnectorApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "smpp-connector-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code smpp-connector-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(SmppConnectorApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
