package io.smsgw.router;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The router: chooses a connector for each accepted message.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RouterApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "router-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code router-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(RouterApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
