package io.smsgw.webhook.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes new signing secrets: {@code whsec_} and 32 random bytes (base64url).
 */
public final class SigningSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SigningSecrets() {
	}

	/** A fresh secret. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
