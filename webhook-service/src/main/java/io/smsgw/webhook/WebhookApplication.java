package io.smsgw.webhook;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The webhook service: signed HTTP callbacks to tenants.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookApplication {

	/** The name of this service's configuration file ({@value}.yml), distinct per service. */
	public static final String CONFIG_NAME = "webhook-service";

	public static void main(String[] args) {
		application().run(args);
	}

	/** The application, reading {@code webhook-service.yml} (so that services can share one classpath). */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(WebhookApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
