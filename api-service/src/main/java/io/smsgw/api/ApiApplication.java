package io.smsgw.api;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The tenant REST API: OAuth2 client-credentials tokens, message intake and the message read model.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "api-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code api-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(ApiApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
