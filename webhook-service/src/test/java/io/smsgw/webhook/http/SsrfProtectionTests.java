package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * {@link PrivateAddressTargetPolicy} and {@link AddressCheckingSender} with the system
 * resolver and a real TCP listener on 127.0.0.1 that counts connections.
 */
class SsrfProtectionTests {

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket listener;

	private Thread acceptor;

	@BeforeEach
	void listen() throws Exception {
		this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		this.acceptor = new Thread(() -> {
			while (!this.listener.isClosed()) {
				try (var socket = this.listener.accept()) {
					this.connections.incrementAndGet();
					socket.getOutputStream()
						.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				catch (Exception ex) {
					// closed
				}
			}
		});
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	@AfterEach
	void close() throws Exception {
		this.listener.close();
		this.acceptor.join(2000);
	}

	@Test
	void refusesLoopbackPrivateAndLinkLocalTargetsWithoutAllowList() {
		TargetPolicy policy = policy(new AddressClassifier(List.of(), false));
		int port = this.listener.getLocalPort();
		for (String url : new String[] { "http://localhost:" + port + "/cb", "http://127.0.0.1:" + port + "/cb",
				"http://[::1]:" + port + "/cb", "http://10.0.0.1/cb", "http://169.254.169.254/latest/meta-data/",
				"http://[::ffff:127.0.0.1]:" + port + "/cb", "http://2130706433:" + port + "/cb" }) {
			assertThatExceptionOfType(RejectedTargetException.class).as(url)
				.isThrownBy(() -> policy.check(url))
				.withMessageMatching("callback URL (resolves to a|host is a numeric address in a non-standard form).*");
		}
		assertThat(this.connections).hasValue(0);
	}

	@Test
	void allowListedLoopbackIsDelivered() {
		AddressClassifier classifier = new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8")), false);
		URI target = policy(classifier).check("http://localhost:" + this.listener.getLocalPort() + "/cb");
		CallbackResponse response = new AddressCheckingSender(httpSender(), classifier, Resolver.SYSTEM)
			.send(request(target));
		assertThat(response.status()).isEqualTo(204);
		assertThat(this.connections).hasValue(1);
	}

	@Test
	void hostRebindingToAPrivateAddressAfterTheCheckIsRefusedBeforeConnecting() throws Exception {
		AddressClassifier classifier = new AddressClassifier(List.of(), false);
		Deque<InetAddress> answers = new ArrayDeque<>(
				List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")));
		Resolver rebinding = (host) -> List.of(answers.removeFirst());
		URI target = new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), classifier, rebinding)
			.check("http://rebind.example:" + this.listener.getLocalPort() + "/cb");
		AddressCheckingSender sender = new AddressCheckingSender(httpSender(), classifier, rebinding);
		assertThatExceptionOfType(RejectedTargetException.class).isThrownBy(() -> sender.send(request(target)))
			.withMessageContaining("loopback");
		assertThat(this.connections).hasValue(0);
	}

	@Test
	void unresolvableHostIsNotSentToAndIsRetried() {
		AddressClassifier classifier = new AddressClassifier(List.of(), true);
		Resolver failing = (host) -> {
			throw new UnknownHostException(host);
		};
		URI target = new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), classifier, failing)
			.check("http://localhost:" + this.listener.getLocalPort() + "/cb");
		CallbackResponse response = new AddressCheckingSender(httpSender(), classifier, failing).send(request(target));
		assertThat(response.status()).isNull();
		assertThat(response.error()).contains("UnknownHostException");
		assertThat(this.connections).hasValue(0);
	}

	private static TargetPolicy policy(AddressClassifier classifier) {
		return new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), classifier, Resolver.SYSTEM);
	}

	private static HttpCallbackSender httpSender() {
		return new HttpCallbackSender(HttpCallbackSender.client(Duration.ofSeconds(2)), Duration.ofSeconds(2),
				"smsgw-webhook/test", Clock.systemUTC());
	}

	private static CallbackRequest request(URI target) {
		return new CallbackRequest(target, UUID.randomUUID(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=00");
	}

}
