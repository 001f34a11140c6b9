package io.smsgw.dlr;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The DLR service: turns submit responses and delivery receipts into one status per message.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DlrApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "dlr-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code dlr-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(DlrApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
