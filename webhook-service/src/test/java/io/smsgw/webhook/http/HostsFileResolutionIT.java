package io.smsgw.webhook.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSRF with the JVM's real resolver: a forked JVM ({@link HostsFileProbe}) resolves names from
 * a hosts file this test controls, without caching. Names of internal and metadata addresses
 * are refused at subscription time; a name validated while public and rebound to an internal
 * address is refused at send time; and a name flipped right after the send-time check is still
 * connected to the address that was checked.
 */
class HostsFileResolutionIT {

	@Test
	void realResolverAnswersAreCheckedAndPinned(@TempDir Path dir) throws Exception {
		Path hosts = dir.resolve("hosts");
		Files.writeString(hosts, "");
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0",
				"-Dsun.net.inetaddr.negative.ttl=0", "-cp", System.getProperty("java.class.path"),
				HostsFileProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(probe.exitValue()).as(output).isZero();
		Map<String, String> steps = new LinkedHashMap<>();
		output.lines().filter((line) -> line.contains("=")).forEach((line) -> {
			int at = line.indexOf('=');
			steps.put(line.substring(0, at), line.substring(at + 1));
		});

		assertThat(steps.get("subscribe-internal")).as(output)
			.isEqualTo("refused callback URL resolves to a loopback address (127.0.0.2)");
		assertThat(steps.get("subscribe-metadata")).as(output)
			.isEqualTo("refused callback URL resolves to a link-local address (169.254.169.254)");
		assertThat(steps.get("subscribe-rebind")).as(output).startsWith("accepted http://rebind.test:");
		assertThat(steps.get("send-rebind")).as(output)
			.isEqualTo("refused callback URL resolves to a loopback address (127.0.0.2)");
		assertThat(steps.get("send-flip")).as(output).isEqualTo("sent status=204 error=null");
		assertThat(steps.get("resolve-flip-now")).as(output).isEqualTo("accepted 127.0.0.2");
		assertThat(steps.get("allowed-hosts")).as(output).matches("\\[flip\\.test:\\d+\\]");
		assertThat(steps.get("internal-hosts")).as(output).isEqualTo("[]");
	}

}
