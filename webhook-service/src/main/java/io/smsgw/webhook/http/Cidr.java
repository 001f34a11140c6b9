package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare
 * address is a network of that one address. Parsed from literals only: never a DNS lookup.
 *
 * @param network the network's bytes (4 or 16)
 * @param prefix the number of leading bits that must match
 */
public record Cidr(byte[] network, int prefix) {

	public Cidr {
		network = network.clone();
	}

	/** Parses {@code address[/prefix]}. */
	public static Cidr parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("empty network");
		}
		String value = text.trim();
		int slash = value.indexOf('/');
		String address = (slash >= 0) ? value.substring(0, slash) : value;
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if (address.isEmpty() || !address.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
			throw new IllegalArgumentException("not an IP network: " + text);
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an IP network: " + text);
		}
		int bits = bytes.length * 8;
		int prefix;
		try {
			prefix = (slash >= 0) ? Integer.parseInt(value.substring(slash + 1)) : bits;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("bad prefix length in " + text);
		}
		if (prefix < 0 || prefix > bits) {
			throw new IllegalArgumentException("bad prefix length in " + text);
		}
		return new Cidr(bytes, prefix);
	}

	/** Whether the address lies in this network (an IPv4 address never lies in an IPv6 network). */
	public boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	boolean contains(byte[] bytes) {
		if (bytes.length != this.network.length) {
			return false;
		}
		int full = this.prefix / 8;
		for (int i = 0; i < full; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (bytes[full] & mask) == (this.network[full] & mask);
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefix;
		}
		catch (UnknownHostException ex) {
			return "?/" + this.prefix;
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr that && this.prefix == that.prefix
				&& Arrays.equals(this.network, that.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefix;
	}

}
