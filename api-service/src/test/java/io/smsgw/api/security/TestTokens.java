package io.smsgw.api.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens made by a test, not by the token endpoint: signed with the service's own key (taken
 * from its {@link JWKSource} bean) or with a stranger's, with any issuer, scopes and lifetime.
 */
public final class TestTokens {

	private final RSAKey serviceKey;

	private final String issuer;

	/** Tokens for a service whose key is in {@code jwkSource} and whose tokens carry {@code issuer}. */
	public TestTokens(JWKSource<SecurityContext> jwkSource, String issuer) {
		try {
			this.serviceKey = (RSAKey) jwkSource.get(new JWKSelector(new JWKMatcher.Builder().build()), null).get(0);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		this.issuer = issuer;
	}

	/** A token the service would accept, except for what the caller changes. */
	public Claims valid(String tenantId, String... scopes) {
		return new Claims(this.serviceKey, this.issuer, tenantId, List.of(scopes), Instant.now().plusSeconds(600));
	}

	/** A fresh 2048-bit RSA key nobody trusts; with {@code keyId} it claims to be another key. */
	public static RSAKey strangerKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			java.security.KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
				.privateKey((java.security.interfaces.RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The service's own key id. */
	public String serviceKeyId() {
		return this.serviceKey.getKeyID();
	}

	/** What goes into a token; {@link #sign()} makes it. */
	public record Claims(RSAKey key, String issuer, String tenantId, List<String> scopes, Instant expiresAt) {

		public Claims signedWith(RSAKey other) {
			return new Claims(other, this.issuer, this.tenantId, this.scopes, this.expiresAt);
		}

		public Claims issuedBy(String other) {
			return new Claims(this.key, other, this.tenantId, this.scopes, this.expiresAt);
		}

		public Claims expiredFor(Duration ago) {
			return new Claims(this.key, this.issuer, this.tenantId, this.scopes, Instant.now().minus(ago));
		}

		public String sign() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("test-client")
				.issueTime(Date.from(this.expiresAt.minusSeconds(900)))
				.notBeforeTime(Date.from(this.expiresAt.minusSeconds(900)))
				.expirationTime(Date.from(this.expiresAt))
				.claim("scope", this.scopes);
			if (this.issuer != null) {
				claims.issuer(this.issuer);
			}
			if (this.tenantId != null) {
				claims.claim("tenant_id", this.tenantId);
			}
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
						claims.build());
				jwt.sign(new RSASSASigner(this.key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
