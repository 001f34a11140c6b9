package io.smsgw.router;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import io.smsgw.infra.InfrastructureInitializer;

/**
 * The one router context of the module's integration tests (real Kafka and PostgreSQL, a test
 * issuer), shared by every IT so that only one set of listeners consumes the router's topics.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=router-service", "sms.router.default-connector=it-default",
				"sms.router.routes[0].prefix=+49", "sms.router.routes[0].connector=it-de",
				"sms.router.routes[1].prefix=4917", "sms.router.routes[1].connector=it-de-mobile",
				"sms.router.reload-interval=PT1H" })
@ContextConfiguration(initializers = { InfrastructureInitializer.class, TestTokens.Initializer.class })
@Import(CrashOnceConfiguration.class)
public @interface RouterTest {

}
