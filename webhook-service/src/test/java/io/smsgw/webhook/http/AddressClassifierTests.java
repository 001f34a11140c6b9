package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AddressClassifier} and {@link Cidr}: which addresses callbacks may reach.
 */
class AddressClassifierTests {

	private final AddressClassifier strict = new AddressClassifier(List.of(), false);

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback", "0.0.0.0, unspecified",
			"::, unspecified", "10.0.0.1, private", "10.255.255.255, private", "172.16.0.1, private",
			"172.31.255.254, private", "192.168.1.10, private", "fc00::1, private", "fd12:3456::1, private",
			"169.254.169.254, link-local", "fe80::1, link-local", "febf::1, link-local", "100.64.0.1, carrier-grade NAT",
			"100.127.255.255, carrier-grade NAT", "224.0.0.1, multicast", "ff02::1, multicast",
			"255.255.255.255, reserved", "::ffff:127.0.0.1, loopback", "::ffff:10.1.2.3, private",
			"::ffff:169.254.169.254, link-local", "::ffff:7f00:1, loopback", "::127.0.0.1, loopback",
			"64:ff9b::10.0.0.1, private", "64:ff9b::a9fe:a9fe, link-local" })
	void refusesNonPublicAddresses(String address, String kind) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).contains("a " + kind + " address");
	}

	@ParameterizedTest
	@CsvSource({ "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
			"192.169.0.1", "169.253.0.1", "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8",
			"64:ff9b::808:808" })
	void acceptsPublicAddresses(String address) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).isNull();
	}

	@Test
	void allowListedNetworksAndLoopbackPass() throws Exception {
		AddressClassifier allowed = new AddressClassifier(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("10.1.0.0/16")),
				false);
		assertThat(allowed.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
		assertThat(allowed.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).isNull();
		assertThat(allowed.refusal(InetAddress.getByName("10.1.200.3"))).isNull();
		assertThat(allowed.refusal(InetAddress.getByName("10.2.0.1"))).contains("private");
		assertThat(allowed.refusal(InetAddress.getByName("::1"))).contains("loopback");
		AddressClassifier loopback = new AddressClassifier(List.of(), true);
		assertThat(loopback.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
		assertThat(loopback.refusal(InetAddress.getByName("::1"))).isNull();
		assertThat(loopback.refusal(InetAddress.getByName("10.0.0.1"))).contains("private");
		assertThat(loopback.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
	}

	@Test
	void cidrParsingAndMatching() throws Exception {
		assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.31.1.1"))).isTrue();
		assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.1.1"))).isFalse();
		assertThat(Cidr.parse("fe80::/10").contains(InetAddress.getByName("febf::1"))).isTrue();
		assertThat(Cidr.parse("fe80::/10").contains(InetAddress.getByName("fec0::1"))).isFalse();
		assertThat(Cidr.parse("10.0.0.5").contains(InetAddress.getByName("10.0.0.5"))).isTrue();
		assertThat(Cidr.parse("10.0.0.5").contains(InetAddress.getByName("10.0.0.6"))).isFalse();
		assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("::1"))).isFalse();
		assertThat(Cidr.parse(" [::1]/128 ").toString()).isEqualTo("0:0:0:0:0:0:0:1/128");
		for (String bad : new String[] { "", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "localhost",
				"example.com/8" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Cidr.parse(bad));
		}
	}

}
