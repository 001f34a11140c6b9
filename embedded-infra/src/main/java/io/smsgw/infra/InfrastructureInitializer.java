package io.smsgw.infra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the {@link TestInfrastructure#shared() shared test
 * infrastructure}: {@code @ContextConfiguration(initializers = InfrastructureInitializer.class)}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("smsgw-test-infrastructure", TestInfrastructure.shared().springProperties()));
	}

}
