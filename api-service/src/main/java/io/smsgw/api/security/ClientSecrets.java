package io.smsgw.api.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder of client secrets. Besides Spring Security's usual {@code {id}hash} forms
 * it reads {@code {either}<hash> <hash>}: a client during a rotation overlap, whose old and new
 * secrets are both valid. Such values are only built in memory, never stored.
 */
public final class ClientSecrets {

	private static final String EITHER = "either";

	private ClientSecrets() {
	}

	/** The encoder: new secrets are hashed with bcrypt. */
	public static PasswordEncoder encoder() {
		PasswordEncoder standard = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
		encoders.put(EITHER, new Either(standard));
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
		encoder.setDefaultPasswordEncoderForMatches(standard);
		return new NoUpgrade(encoder);
	}

	/** The stored value to check a secret against: the current hash, or either of two. */
	public static String accepting(String currentHash, String previousHash) {
		return (previousHash == null) ? currentHash : "{" + EITHER + "}" + currentHash + " " + previousHash;
	}

	/** Never asks to re-hash a stored secret: the authorization server cannot write clients back. */
	private record NoUpgrade(PasswordEncoder delegate) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return false;
		}

	}

	private record Either(PasswordEncoder standard) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return this.standard.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || encodedPassword == null) {
				return false;
			}
			for (String hash : encodedPassword.split(" ")) {
				if (!hash.isEmpty() && this.standard.matches(rawPassword, hash)) {
					return true;
				}
			}
			return false;
		}

	}

}
