package io.smsgw.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WebhookSignature} against vectors computed independently with
 * {@code printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac '<secret>'}.
 */
class WebhookSignatureTests {

	private static final String SECRET = "whsec_test_secret";

	private static final long T = 1_700_000_000L;

	private static final String BODY = "{\"eventId\":\"5f1e0c9a-0000-4000-8000-000000000001\",\"type\":\"message.status\",\"status\":\"delivered\"}";

	private static final String EXPECTED = "89bf11f109096a2ce93e878d81b41dc9e3be46af5e20f58d204bc665f98a961c";

	private static final Instant NOW = Instant.ofEpochSecond(T + 30);

	@Test
	void signsTimestampDotBodyLikeOpenssl() {
		assertThat(WebhookSignature.sign(SECRET, T, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED);
		assertThat(WebhookSignature.sign(SECRET, T, new byte[0]))
			.isEqualTo("316b9ab98c15bfa039d243f3196acee619cf29749a91a634e6a8154e2f7b6727");
	}

	@Test
	void rotationHeaderCarriesOneSignaturePerSecretNewestFirstAndEachVerifies() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String header = WebhookSignature.header(java.util.List.of("whsec_new", SECRET), Instant.ofEpochSecond(T), body);
		assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.sign("whsec_new", T, body) + ",v1=" + EXPECTED);
		assertThat(WebhookSignature.verify("whsec_new", header, body, NOW, WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
		assertThat(WebhookSignature.verify(SECRET, header, body, NOW, WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
		assertThat(WebhookSignature.verify("whsec_other", header, body, NOW, WebhookSignature.DEFAULT_TOLERANCE))
			.isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSignature.header(java.util.List.of(), Instant.ofEpochSecond(T), body));
	}

	@Test
	void headerCarriesTimestampAndSignature() {
		assertThat(WebhookSignature.header(SECRET, Instant.ofEpochSecond(T), BODY.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("t=1700000000,v1=" + EXPECTED);
	}

	@Test
	void acceptsTheRequestAsSent() {
		assertThat(WebhookSignature.verify(SECRET, "t=1700000000,v1=" + EXPECTED, BODY, NOW, Duration.ofMinutes(5)))
			.isTrue();
	}

	@Test
	void acceptsWhenAnyOfSeveralSignaturesMatches() {
		String header = "t=1700000000,v1=" + "0".repeat(64) + ",v1=" + EXPECTED;
		assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, Duration.ofMinutes(5))).isTrue();
	}

	@Test
	void rejectsTamperedBody() {
		String tampered = BODY.replace("delivered", "failed");
		assertThat(check("t=1700000000,v1=" + EXPECTED, tampered, NOW)).isEqualTo(WebhookSignature.Result.MISMATCH);
	}

	@Test
	void rejectsWrongSecret() {
		assertThat(WebhookSignature.verify("another", "t=1700000000,v1=" + EXPECTED, BODY, NOW, Duration.ofMinutes(5)))
			.isFalse();
	}

	@Test
	void rejectsOldTimestampEvenWithAValidSignature() {
		Instant later = Instant.ofEpochSecond(T).plus(Duration.ofMinutes(5)).plusSeconds(1);
		assertThat(check("t=1700000000,v1=" + EXPECTED, BODY, later))
			.isEqualTo(WebhookSignature.Result.OUTSIDE_TOLERANCE);
		assertThat(check("t=1700000000,v1=" + EXPECTED, BODY, Instant.ofEpochSecond(T + 300)))
			.isEqualTo(WebhookSignature.Result.VALID);
	}

	@Test
	void rejectsTimestampFarInTheFuture() {
		assertThat(check("t=1700000000,v1=" + EXPECTED, BODY, Instant.ofEpochSecond(T - 301)))
			.isEqualTo(WebhookSignature.Result.OUTSIDE_TOLERANCE);
	}

	@Test
	void rejectsReplayedSignatureUnderAnotherTimestamp() {
		assertThat(check("t=1700000001,v1=" + EXPECTED, BODY, NOW)).isEqualTo(WebhookSignature.Result.MISMATCH);
	}

	@Test
	void rejectsMalformedHeaders() {
		for (String header : new String[] { null, "", "v1=" + EXPECTED, "t=1700000000", "t=abc,v1=" + EXPECTED,
				"t=-5,v1=" + EXPECTED, "garbage", "t=1700000000;v1=" + EXPECTED }) {
			assertThat(check(header, BODY, NOW)).as(String.valueOf(header)).isEqualTo(WebhookSignature.Result.MALFORMED);
		}
	}

	@Test
	void refusesToSignWithoutASecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.sign("", T, new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.sign(null, T, new byte[0]));
	}

	private static WebhookSignature.Result check(String header, String body, Instant now) {
		return WebhookSignature.check(SECRET, header, body.getBytes(StandardCharsets.UTF_8), now,
				WebhookSignature.DEFAULT_TOLERANCE);
	}

}
