package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smsgw.webhook.http.PrivateAddressTargetPolicy.Resolver;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SSRF through redirects and DNS, against real HTTP servers: a "public" endpoint on 127.0.0.1
 * (the only allow-listed address here) and an "internal" one on 127.0.0.2 (loopback, refused).
 * Redirects to internal, metadata, IPv6 loopback, numeric and IPv4-mapped forms are never
 * followed; names resolving to loopback are refused; and an attempt connects to the very
 * address that was checked, never to what the name resolves to afterwards.
 */
class RedirectAndRebindingTests {

	private final AddressClassifier classifier = new AddressClassifier(List.of(Cidr.parse("127.0.0.1/32")), false);

	private final HttpCallbackSender http = new HttpCallbackSender(HttpCallbackSender.client(Duration.ofSeconds(2)),
			Duration.ofSeconds(2), "smsgw-webhook/test", Clock.systemUTC());

	private Endpoint internal;

	@BeforeEach
	void startInternal() throws Exception {
		this.internal = Endpoint.start("127.0.0.2");
	}

	@AfterEach
	void stop() throws Exception {
		this.internal.close();
		this.http.close();
	}

	@Test
	void redirectsToPrivateAddressesAreNotFollowedAndFailTheAttempt() throws Exception {
		int port = this.internal.port();
		List<String> locations = List.of("http://127.0.0.2:" + port + "/", "http://127.0.0.1:" + port + "/",
				"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + port + "/", "http://2130706433:" + port + "/",
				"http://0x7f.1:" + port + "/", "http://017700000001:" + port + "/",
				"http://[::ffff:127.0.0.1]:" + port + "/", "http://localhost:" + port + "/?token=secret");
		int[] codes = { 301, 302, 307, 308 };
		AtomicInteger next = new AtomicInteger();
		List<CallbackResponse> responses = new ArrayList<>();
		try (Endpoint redirecting = Endpoint.start("127.0.0.1", (exchange) -> {
			int i = next.getAndIncrement();
			return new Endpoint.Answer(codes[i % codes.length], locations.get(i / codes.length));
		})) {
			AddressCheckingSender sender = new AddressCheckingSender(this.http, this.classifier, Resolver.SYSTEM);
			URI target = policy(Resolver.SYSTEM).check("http://127.0.0.1:" + redirecting.port() + "/cb");
			for (int i = 0; i < locations.size() * codes.length; i++) {
				responses.add(sender.send(request(target)));
			}
			assertThat(redirecting.hosts()).hasSize(locations.size() * codes.length);
		}
		for (int i = 0; i < responses.size(); i++) {
			CallbackResponse response = responses.get(i);
			assertThat(response.accepted()).isFalse();
			assertThat(response.status()).isEqualTo(codes[i % codes.length]);
			assertThat(response.error()).as(locations.get(i / codes.length))
				.startsWith("HTTP " + codes[i % codes.length] + ": redirect not followed (Location: ")
				.doesNotContain("token=secret");
		}
		assertThat(this.internal.hosts()).isEmpty();
	}

	@Test
	void namesThatResolveToLoopbackAreRefusedWhenCheckedAndWhenSent() throws Exception {
		int port = this.internal.port();
		AddressClassifier strict = new AddressClassifier(List.of(), false);
		TargetPolicy policy = new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), strict, Resolver.SYSTEM);
		AddressCheckingSender sender = new AddressCheckingSender(this.http, strict, Resolver.SYSTEM);
		for (String host : List.of("localhost", "LOCALHOST", "localhost.", "LocalHost.", "api.localhost", "127.1",
				"0x7f.2", "2130706434", "017700000002", "0177.0.0.2", "0x7f000002", "127.0.0.02", "[::ffff:127.0.0.2]",
				"[::1]", "[0:0:0:0:0:0:0:1]")) {
			String url = "http://" + host + ":" + port + "/cb";
			// numeric forms such as 127.1 or 0x7f.2 are not even a server authority for java.net.URI
			assertThatExceptionOfType(RejectedTargetException.class).as(url)
				.isThrownBy(() -> policy.check(url))
				.withMessageMatching("callback URL (resolves to a loopback address .*|has no host|host is a numeric address .*)");
			assertThatExceptionOfType(RejectedTargetException.class).as(url)
				.isThrownBy(() -> sender.send(request(URI.create(url))))
				.withMessageMatching("callback URL (resolves to a loopback address .*|has no host|host is a numeric address .*)");
		}
		assertThat(this.internal.hosts()).isEmpty();
	}

	@Test
	void anAttemptConnectsToTheCheckedAddressNotToWhatTheNameResolvesToAfterwards() throws Exception {
		try (Endpoint checked = Endpoint.start("127.0.0.1")) {
			// first answer (the check): the allow-listed 127.0.0.1; any later lookup: the internal 127.0.0.2
			AtomicInteger lookups = new AtomicInteger();
			Resolver flipping = (host) -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1"
					: "127.0.0.2"));
			String name = "callback.invalid";
			CallbackResponse response = new AddressCheckingSender(this.http, this.classifier, flipping)
				.send(request(URI.create("http://" + name + ":" + checked.port() + "/cb")));

			assertThat(response.status()).isEqualTo(204);
			assertThat(lookups).hasValue(1);
			assertThat(checked.hosts()).containsExactly(name + ":" + checked.port());
		}
		assertThat(this.internal.hosts()).isEmpty();
	}

	@Test
	void aRebindingAnswerAtSendTimeIsRefusedWithoutConnecting() {
		AtomicInteger lookups = new AtomicInteger();
		Resolver rebinding = (host) -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34"
				: "127.0.0.2"));
		URI target = policy(rebinding).check("http://rebind.invalid:" + this.internal.port() + "/cb");
		AddressCheckingSender sender = new AddressCheckingSender(this.http, this.classifier, rebinding);

		assertThatExceptionOfType(RejectedTargetException.class).isThrownBy(() -> sender.send(request(target)))
			.withMessage("callback URL resolves to a loopback address (127.0.0.2)");
		assertThat(this.internal.hosts()).isEmpty();
	}

	@Test
	void allowLoopbackStillDeliversToLoopbackByName() throws Exception {
		try (Endpoint local = Endpoint.start("127.0.0.1")) {
			AddressClassifier loopback = new AddressClassifier(List.of(), true);
			URI target = new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), loopback, Resolver.SYSTEM)
				.check("http://localhost:" + local.port() + "/cb");
			CallbackResponse response = new AddressCheckingSender(this.http, loopback, Resolver.SYSTEM)
				.send(request(target));
			assertThat(response.status()).isEqualTo(204);
			assertThat(local.hosts()).containsExactly("localhost:" + local.port());
		}
	}

	private TargetPolicy policy(Resolver resolver) {
		return new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), this.classifier, resolver);
	}

	private static CallbackRequest request(URI target) {
		return new CallbackRequest(target, UUID.randomUUID(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=00");
	}

}
