package io.smsgw.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it verified, so that a client sending many
 * requests with one access token pays the signature check and the parsing once, not per request.
 * An entry is found only by the exact token text; it is used until the token expires and at most
 * {@code ttl} after it was verified, and the validator (expiry, not-before, issuer) runs again on
 * every use, so a cached token is refused the moment its checks would refuse it. Tokens the
 * delegate refuses are never cached. Bounded: when full, expired entries are dropped, and all of
 * them if none had expired.
 */
final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> validator;

	private final int maxSize;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * @param delegate verifies and validates a token that is not cached
	 * @param validator the delegate's validator, run again on each use of a cached token
	 * @param maxSize most tokens remembered
	 * @param ttl longest time a token is used from the cache after it was verified
	 */
	VerifiedTokenCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int maxSize, Duration ttl,
			Clock clock) {
		this.delegate = delegate;
		this.validator = validator;
		this.maxSize = maxSize;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(token);
		if (entry != null) {
			if (entry.usableUntil().isAfter(now)) {
				OAuth2TokenValidatorResult result = this.validator.validate(entry.jwt());
				if (!result.hasErrors()) {
					return entry.jwt();
				}
			}
			this.entries.remove(token, entry);
		}
		// refusals (bad signature, expired, wrong issuer) are the delegate's, with its messages
		Jwt jwt = this.delegate.decode(token);
		remember(token, jwt, now);
		return jwt;
	}

	/** Tokens remembered now. */
	int size() {
		return this.entries.size();
	}

	private void remember(String token, Jwt jwt, Instant now) {
		Instant until = now.plus(this.ttl);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (!until.isAfter(now)) {
			return;
		}
		if (this.entries.size() >= this.maxSize) {
			this.entries.values().removeIf((e) -> !e.usableUntil().isAfter(now));
			if (this.entries.size() >= this.maxSize) {
				this.entries.clear();
			}
		}
		this.entries.put(token, new Entry(jwt, until));
	}

	private record Entry(Jwt jwt, Instant usableUntil) {
	}

}
