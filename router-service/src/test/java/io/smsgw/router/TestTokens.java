package io.smsgw.router;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.smsgw.infra.TestIssuer;

/** Operators' tokens for the admin API, from the shared {@link TestIssuer}. */
public final class TestTokens {

	private TestTokens() {
	}

	/** A bearer token with these scopes (space separated), valid for ten minutes. */
	public static String token(String scopes) {
		return TestIssuer.token(null, scopes);
	}

	/** Points the router's decoder at the test issuer's JWK set. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("sms.router.security.jwk-set-uri=" + TestIssuer.jwkSetUri()).applyTo(context);
		}

	}

}
