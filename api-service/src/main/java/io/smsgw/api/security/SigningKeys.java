package io.smsgw.api.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.converter.RsaKeyConverters;

import io.smsgw.api.config.ApiProperties;

/**
 * The RSA key that signs the service's tokens: read from configuration (a PKCS#8 PEM file or
 * value), or generated at start-up, in which case tokens do not survive a restart and are not
 * accepted by other instances.
 */
final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private SigningKeys() {
	}

	/** The signing key the configuration asks for. */
	static RSAKey load(ApiProperties.Jwt jwt) {
		try {
			if (jwt.privateKeyLocation() != null) {
				try (InputStream in = jwt.privateKeyLocation().getInputStream()) {
					return fromPem(in, jwt.keyId());
				}
			}
			if (jwt.privateKey() != null && !jwt.privateKey().isBlank()) {
				return fromPem(new ByteArrayInputStream(jwt.privateKey().getBytes(StandardCharsets.US_ASCII)),
						jwt.keyId());
			}
		}
		catch (IOException | GeneralSecurityException | JOSEException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read the token signing key (sms.api.jwt.private-key*): "
					+ ex.getClass().getSimpleName(), ex);
		}
		log.warn("No token signing key configured (sms.api.jwt.private-key-location or sms.api.jwt.private-key): "
				+ "using a key generated at start-up; tokens will not survive a restart and are not accepted "
				+ "by other instances");
		return generate();
	}

	private static RSAKey fromPem(InputStream pem, String keyId)
			throws GeneralSecurityException, JOSEException {
		RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(pem);
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalArgumentException("The signing key must carry its public exponent (PKCS#8 RSA)");
		}
		BigInteger exponent = crt.getPublicExponent();
		RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(crt.getModulus(), exponent));
		return withKeyId(new RSAKey.Builder(publicKey).privateKey(privateKey), keyId);
	}

	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return withKeyId(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate()), null);
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private static RSAKey withKeyId(RSAKey.Builder builder, String keyId) throws JOSEException {
		if (keyId != null && !keyId.isBlank()) {
			return builder.keyID(keyId).build();
		}
		return builder.keyIDFromThumbprint().build();
	}

}
