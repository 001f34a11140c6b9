package io.smsgw.webhook.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.smsgw.webhook.http.PrivateAddressTargetPolicy.Resolver;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;

/**
 * Run by {@link HostsFileResolutionIT} in its own JVM, whose resolver reads only a test hosts
 * file ({@code -Djdk.net.hosts.file}) and caches nothing ({@code -Dsun.net.inetaddr.ttl=0}):
 * drives the production policy and sender with the system resolver while the test rewrites
 * what names resolve to, and prints one {@code step=outcome} line per step.
 */
public final class HostsFileProbe {

	private HostsFileProbe() {
	}

	public static void main(String[] args) throws Exception {
		Path hosts = Path.of(System.getProperty("jdk.net.hosts.file"));
		AddressClassifier classifier = new AddressClassifier(List.of(Cidr.parse("127.0.0.1/32")), false);
		TargetPolicy policy = new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), classifier, Resolver.SYSTEM);
		try (Endpoint allowed = Endpoint.start("127.0.0.1"); Endpoint internal = Endpoint.start("127.0.0.2");
				HttpCallbackSender http = new HttpCallbackSender(HttpCallbackSender.client(Duration.ofSeconds(2)),
						Duration.ofSeconds(2), "smsgw-webhook/probe", Clock.systemUTC())) {
			String path = ":" + internal.port() + "/cb";
			write(hosts, "127.0.0.2 internal.test\n169.254.169.254 metadata.test\n203.0.113.10 rebind.test\n");
			print("subscribe-internal", () -> policy.check("http://internal.test" + path));
			print("subscribe-metadata", () -> policy.check("http://metadata.test" + path));
			print("subscribe-rebind", () -> policy.check("http://rebind.test" + path));
			write(hosts, "127.0.0.2 rebind.test\n");
			AddressCheckingSender system = new AddressCheckingSender(http, classifier, Resolver.SYSTEM);
			print("send-rebind", () -> system.send(request("http://rebind.test" + path)));
			// the check sees the allow-listed address, then the name flips to the internal one at once
			write(hosts, "127.0.0.1 flip.test\n");
			Resolver flipAfterCheck = (host) -> {
				List<java.net.InetAddress> answer = Resolver.SYSTEM.resolve(host);
				write(hosts, "127.0.0.2 flip.test\n");
				return answer;
			};
			AddressCheckingSender flipping = new AddressCheckingSender(http, classifier, flipAfterCheck);
			print("send-flip", () -> flipping.send(request("http://flip.test:" + allowed.port() + "/cb")));
			print("resolve-flip-now", () -> Resolver.SYSTEM.resolve("flip.test").get(0).getHostAddress());
			System.out.println("allowed-hosts=" + allowed.hosts());
			System.out.println("internal-hosts=" + internal.hosts());
		}
	}

	private static CallbackRequest request(String url) {
		return new CallbackRequest(URI.create(url), UUID.randomUUID(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=00");
	}

	private static void write(Path hosts, String content) {
		try {
			Files.writeString(hosts, content, StandardCharsets.US_ASCII);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void print(String step, Step action) {
		String outcome;
		try {
			Object result = action.run();
			outcome = (result instanceof CallbackResponse response)
					? "sent status=" + response.status() + " error=" + response.error() : "accepted " + result;
		}
		catch (RejectedTargetException ex) {
			outcome = "refused " + ex.getMessage();
		}
		catch (Exception ex) {
			outcome = "failed " + ex;
		}
		System.out.println(step + "=" + outcome);
	}

	@FunctionalInterface
	private interface Step {

		Object run() throws Exception;

	}

}
