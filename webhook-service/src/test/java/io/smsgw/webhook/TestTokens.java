package io.smsgw.webhook;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.smsgw.infra.TestIssuer;

/** Tenants' tokens for the webhook API, from the shared {@link TestIssuer}. */
final class TestTokens {

	private TestTokens() {
	}

	/** A bearer token of a tenant ({@code null}: without a tenant) with these scopes, valid for ten minutes. */
	static String token(String tenant, String scopes) {
		return TestIssuer.token(tenant, scopes);
	}

	/** Points the webhook service's decoder at the test issuer's JWK set. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("sms.webhook.security.jwk-set-uri=" + TestIssuer.jwkSetUri()).applyTo(context);
		}

	}

}
