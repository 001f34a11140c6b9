package io.smsgw.webhook.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RetryAfter} parsing, {@link HttpSchemeTargetPolicy} and {@link Urls#redact(URI)}.
 */
class HttpPiecesTests {

	private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

	@Test
	void retryAfterInSecondsOrAsAnHttpDate() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableRetryAfterIsIgnored() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isNull();
	}

	@Test
	void acceptsHttpAndHttpsUrls() {
		HttpSchemeTargetPolicy policy = new HttpSchemeTargetPolicy();
		assertThat(policy.check("https://hooks.example.com/sms?token=abc"))
			.isEqualTo(URI.create("https://hooks.example.com/sms?token=abc"));
		assertThat(policy.check("http://127.0.0.1:8080/cb")).hasPort(8080);
	}

	@Test
	void refusesOtherSchemesCredentialsAndGarbage() {
		HttpSchemeTargetPolicy policy = new HttpSchemeTargetPolicy();
		for (String url : new String[] { null, " ", "ftp://example.com/x", "file:///etc/passwd", "/relative",
				"https://user:pw@example.com/", "http://exa mple.com/", "https:///nohost",
				"https://example.com/" + "a".repeat(2100) }) {
			assertThatExceptionOfType(RejectedTargetException.class).as(String.valueOf(url))
				.isThrownBy(() -> policy.check(url));
		}
	}

	@Test
	void redactedUrlsKeepNoQueryOrUserInfo() {
		assertThat(Urls.redact(URI.create("https://u:p@hooks.example.com:8443/sms/cb?token=abc#x")))
			.isEqualTo("https://hooks.example.com:8443/sms/cb?…");
		assertThat(Urls.redact("http://example.com/cb")).isEqualTo("http://example.com/cb");
		assertThat(Urls.redact("not a url")).isEqualTo("(unparsable URL)");
	}

}
