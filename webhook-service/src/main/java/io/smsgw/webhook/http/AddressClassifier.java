package io.smsgw.webhook.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Says whether a callback may connect to an address: loopback, private, link-local, CGNAT,
 * unspecified, multicast and reserved addresses are refused (also when embedded in IPv6 as
 * IPv4-mapped, IPv4-compatible or NAT64 {@code 64:ff9b::/96} forms), unless they lie in an
 * operator allow-listed network or are loopback and loopback is allowed.
 */
public final class AddressClassifier {

	private static final List<Named> REFUSED = List.of(
			named("0.0.0.0/8", "unspecified"), named("127.0.0.0/8", "loopback"),
			named("10.0.0.0/8", "private"), named("172.16.0.0/12", "private"), named("192.168.0.0/16", "private"),
			named("100.64.0.0/10", "carrier-grade NAT"), named("169.254.0.0/16", "link-local"),
			named("192.0.0.0/24", "IETF protocol assignments"), named("198.18.0.0/15", "benchmarking"),
			named("224.0.0.0/4", "multicast"), named("240.0.0.0/4", "reserved"),
			named("::/128", "unspecified"), named("::1/128", "loopback"), named("fc00::/7", "private"),
			named("fe80::/10", "link-local"), named("fec0::/10", "site-local"), named("ff00::/8", "multicast"));

	private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

	private final List<Cidr> allowed;

	private final boolean allowLoopback;

	public AddressClassifier(List<Cidr> allowed, boolean allowLoopback) {
		this.allowed = List.copyOf(allowed);
		this.allowLoopback = allowLoopback;
	}

	/** Why the address must not be called, or {@code null} when it may be. */
	public String refusal(InetAddress address) {
		if (this.allowed.stream().anyMatch((network) -> network.contains(address))) {
			return null;
		}
		byte[] bytes = address.getAddress();
		byte[] embedded = embeddedIpv4(address);
		if (embedded != null) {
			if (this.allowed.stream().anyMatch((network) -> network.contains(embedded))) {
				return null;
			}
			bytes = embedded;
		}
		String kind = classify(bytes);
		if (kind == null || (this.allowLoopback && kind.equals("loopback"))) {
			return null;
		}
		return "callback URL resolves to a " + kind + " address (" + address.getHostAddress() + ")";
	}

	/** The kind of a non-public address ({@code loopback}, {@code private}…), or {@code null} for a public one. */
	static String classify(byte[] bytes) {
		for (Named named : REFUSED) {
			if (named.network().contains(bytes)) {
				return named.kind();
			}
		}
		return null;
	}

	/** The IPv4 address an IPv6 address carries (mapped, compatible or NAT64), else {@code null}. */
	static byte[] embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return null;
		}
		byte[] bytes = address.getAddress();
		byte[] last = Arrays.copyOfRange(bytes, 12, 16);
		boolean zeros = Arrays.equals(Arrays.copyOfRange(bytes, 0, 10), new byte[10]);
		boolean mapped = zeros && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = zeros && bytes[10] == 0 && bytes[11] == 0
				&& !Arrays.equals(last, new byte[] { 0, 0, 0, 0 }) && !Arrays.equals(last, new byte[] { 0, 0, 0, 1 });
		return (mapped || compatible || NAT64.contains(bytes)) ? last : null;
	}

	private static Named named(String cidr, String kind) {
		return new Named(Cidr.parse(cidr), kind);
	}

	private record Named(Cidr network, String kind) {
	}

}
