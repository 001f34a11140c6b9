package io.smsgw.webhook.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint key of callback URLs: the unit of circuit breaking and per-endpoint concurrency.
 */
class EndpointsTests {

	@Test
	void endpointIsLowerCaseHostAndPortWithTheSchemesDefault() {
		assertThat(Endpoints.of("https://Hooks.Example.com/a?token=x")).isEqualTo("hooks.example.com:443");
		assertThat(Endpoints.of("http://hooks.example.com/a")).isEqualTo("hooks.example.com:80");
		assertThat(Endpoints.of("http://127.0.0.1:8085/cb")).isEqualTo("127.0.0.1:8085");
		assertThat(Endpoints.of("http://[::1]:9000/cb")).isEqualTo("[::1]:9000");
	}

	@Test
	void unusableUrlsShareOneKey() {
		assertThat(Endpoints.of("not a url")).isEqualTo("invalid");
		assertThat(Endpoints.of("mailto:someone@example.com")).isEqualTo("invalid");
	}

}
