package io.smsgw.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the gateway's webhook callbacks, for the gateway and for tenants' receivers.
 * Framework-free (JDK only) so that a tenant can copy it.
 * <p>
 * The header {@value #SIGNATURE_HEADER} is {@code t=<unix seconds>,v1=<hex>} where the hex is the
 * lower-case HMAC-SHA256, keyed with the tenant's secret (UTF-8), of {@code <t>.<body>} (the raw
 * request body bytes). A receiver accepts a request when one {@code v1} matches and {@code t} is
 * within a tolerance of its own clock ({@link #DEFAULT_TOLERANCE} by default), which bounds replays.
 */
public final class WebhookSignature {

	/** Header carrying the timestamp and signature(s). */
	public static final String SIGNATURE_HEADER = "X-Smsgw-Signature";

	/** Header carrying the event id, stable across retries: receivers dedupe on it. */
	public static final String EVENT_ID_HEADER = "X-Smsgw-Event-Id";

	/** The replay window a receiver should allow between {@code t} and its clock. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignature() {
	}

	/** The outcome of checking a signature header. */
	public enum Result {

		/** A signature matches and the timestamp is within the tolerance. */
		VALID,
		/** The header is missing or not of the form {@code t=...,v1=...}. */
		MALFORMED,
		/** The timestamp is further from now than the tolerance (a replay, or a skewed clock). */
		OUTSIDE_TOLERANCE,
		/** No signature matches: wrong secret or a modified body. */
		MISMATCH;

		/** Whether the request can be trusted. */
		public boolean isValid() {
			return this == VALID;
		}

	}

	/** The lower-case hex HMAC-SHA256 of {@code <timestamp>.<body>} with the secret. */
	public static String sign(String secret, long timestampSeconds, byte[] body) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("A signing secret is required");
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** The full header value {@code t=<seconds>,v1=<hex>} for a body signed at a time. */
	public static String header(String secret, Instant timestamp, byte[] body) {
		long seconds = timestamp.getEpochSecond();
		return "t=" + seconds + ",v1=" + sign(secret, seconds, body);
	}

	/**
	 * The header for a body signed with several secrets at once (during a secret rotation: the new
	 * one first, then the previous one): {@code t=<seconds>,v1=<hex>,v1=<hex>}.
	 */
	public static String header(List<String> secrets, Instant timestamp, byte[] body) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("A signing secret is required");
		}
		long seconds = timestamp.getEpochSecond();
		StringBuilder header = new StringBuilder("t=").append(seconds);
		for (String secret : secrets) {
			header.append(",v1=").append(sign(secret, seconds, body));
		}
		return header.toString();
	}

	/**
	 * Whether a request is authentic and fresh.
	 * @param secret the tenant's signing secret
	 * @param header the {@value #SIGNATURE_HEADER} header value as received
	 * @param body the raw request body, exactly as received
	 * @param now the receiver's clock
	 * @param tolerance how far {@code t} may be from {@code now}, either way
	 */
	public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
		return check(secret, header, body, now, tolerance).isValid();
	}

	/** {@link #verify(String, String, byte[], Instant, Duration)} for a UTF-8 body. */
	public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
		return verify(secret, header, body.getBytes(StandardCharsets.UTF_8), now, tolerance);
	}

	/** Like {@link #verify(String, String, byte[], Instant, Duration) verify}, saying why a request fails. */
	public static Result check(String secret, String header, byte[] body, Instant now, Duration tolerance) {
		if (header == null || body == null) {
			return Result.MALFORMED;
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				return Result.MALFORMED;
			}
			String key = part.substring(0, eq).trim();
			String value = part.substring(eq + 1).trim();
			if ("t".equals(key)) {
				timestamp = parseSeconds(value);
				if (timestamp == null) {
					return Result.MALFORMED;
				}
			}
			else if ("v1".equals(key)) {
				signatures.add(value);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			return Result.MALFORMED;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			return Result.OUTSIDE_TOLERANCE;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		boolean match = false;
		for (String signature : signatures) {
			match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
		}
		return match ? Result.VALID : Result.MISMATCH;
	}

	private static Long parseSeconds(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(value);
	}

}
