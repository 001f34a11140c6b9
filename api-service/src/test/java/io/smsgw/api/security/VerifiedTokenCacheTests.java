package io.smsgw.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verified-token cache in front of a real Nimbus decoder with a real RSA key: a token is
 * verified once, yet an expired, tampered or foreign token is refused as without the cache, and
 * each token keeps its own claims.
 */
class VerifiedTokenCacheTests {

	private static final String ISSUER = "http://api.smsgw.test";

	private final RSAKey key = SigningKeys.generate();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));

	private final AtomicInteger verified = new AtomicInteger();

	private final VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));

	@Test
	void aTokenIsVerifiedOnceAndKeepsItsOwnTenant() throws Exception {
		String a = sign(this.key, "tenant-a", ISSUER, Duration.ofMinutes(15));
		String b = sign(this.key, "tenant-b", ISSUER, Duration.ofMinutes(15));

		for (int i = 0; i < 5; i++) {
			assertThat(this.cache.decode(a).getClaimAsString("tenant_id")).isEqualTo("tenant-a");
			assertThat(this.cache.decode(b).getClaimAsString("tenant_id")).isEqualTo("tenant-b");
		}

		assertThat(this.verified).hasValue(2);
	}

	@Test
	void aCachedTokenIsRefusedOnceExpired() throws Exception {
		String token = sign(this.key, "tenant-a", ISSUER, Duration.ofMinutes(2));
		assertThat(this.cache.decode(token).getSubject()).isEqualTo("client");

		this.clock.advance(Duration.ofMinutes(4));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode(token))
			.withMessageContaining("expired");
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void tamperedForeignAndWrongIssuerTokensAreRefusedWhileAGoodOneIsCached() throws Exception {
		String good = sign(this.key, "tenant-a", ISSUER, Duration.ofMinutes(15));
		this.cache.decode(good);
		String[] parts = good.split("\\.");
		String otherTenantPayload = sign(this.key, "tenant-b", ISSUER, Duration.ofMinutes(15)).split("\\.")[1];

		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> this.cache.decode(parts[0] + "." + otherTenantPayload + "." + parts[2]));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(
				() -> this.cache.decode(sign(TestTokens.strangerKey(this.key.getKeyID()), "tenant-a", ISSUER,
						Duration.ofMinutes(15))));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(
				() -> this.cache.decode(sign(this.key, "tenant-a", "http://elsewhere", Duration.ofMinutes(15))));
		assertThat(this.cache.size()).isEqualTo(1);
		assertThat(this.cache.decode(good).getClaimAsString("tenant_id")).isEqualTo("tenant-a");
	}

	@Test
	void aTokenIsVerifiedAgainAfterTheCacheTtl() throws Exception {
		String token = sign(this.key, "tenant-a", ISSUER, Duration.ofMinutes(15));
		this.cache.decode(token);
		this.clock.advance(Duration.ofMinutes(4));
		this.cache.decode(token);
		assertThat(this.verified).hasValue(1);

		this.clock.advance(Duration.ofMinutes(2));
		this.cache.decode(token);

		assertThat(this.verified).hasValue(2);
	}

	@Test
	void theCacheStaysWithinItsSize() throws Exception {
		VerifiedTokenCache small = cache(10, Duration.ofMinutes(5));
		for (int i = 0; i < 25; i++) {
			small.decode(sign(this.key, "tenant-" + i, ISSUER, Duration.ofMinutes(15)));
			assertThat(small.size()).isBetween(1, 10);
		}
	}

	private VerifiedTokenCache cache(int size, Duration ttl) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(this.clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(ISSUER));
		NimbusJwtDecoder nimbus = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration
			.jwtDecoder(new ImmutableJWKSet<>(new JWKSet(this.key.toPublicJWK())));
		nimbus.setJwtValidator(validator);
		JwtDecoder counting = (token) -> {
			this.verified.incrementAndGet();
			return nimbus.decode(token);
		};
		return new VerifiedTokenCache(counting, validator, size, ttl, this.clock);
	}

	private String sign(RSAKey signer, String tenant, String issuer, Duration lifetime) throws JOSEException {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("client")
			.issuer(issuer)
			.claim("tenant_id", tenant)
			.claim("scope", "messages:send")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
				claims);
		jwt.sign(new RSASSASigner(signer));
		return jwt.serialize();
	}

	/** A clock the test moves. */
	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
