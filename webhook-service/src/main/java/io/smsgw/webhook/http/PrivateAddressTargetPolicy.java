package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SSRF filter: after the URL checks of the policy it decorates, resolves the host and
 * refuses the URL when any of its addresses is not allowed by the {@link AddressClassifier}.
 * {@code localhost} names count as loopback without asking DNS, and numeric hosts in any form
 * but the dotted quad ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}) are refused,
 * since resolvers disagree on what they mean.
 * A host that does not resolve passes here (a DNS failure may be temporary); the
 * {@link AddressCheckingSender} resolves and checks again right before connecting and does
 * not connect to a host it could not check.
 */
public class PrivateAddressTargetPolicy implements TargetPolicy {

	/** Hosts made of numbers (decimal, octal or hex) only: IPv4 in some notation. */
	private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?",
			Pattern.CASE_INSENSITIVE);

	/** The one unambiguous IPv4 notation: four decimal numbers 0-255 without leading zeros. */
	private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
			+ "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	private final TargetPolicy delegate;

	private final AddressClassifier classifier;

	private final Resolver resolver;

	public PrivateAddressTargetPolicy(TargetPolicy delegate, AddressClassifier classifier, Resolver resolver) {
		this.delegate = delegate;
		this.classifier = classifier;
		this.resolver = resolver;
	}

	@Override
	public URI check(String url) {
		URI uri = this.delegate.check(url);
		try {
			refuseDisallowed(uri, this.classifier, this.resolver);
		}
		catch (UnknownHostException ex) {
			// checked again, and not sent unchecked, by AddressCheckingSender
		}
		return uri;
	}

	/**
	 * Resolves the URI's host and throws when one of its addresses is not allowed.
	 * @return the addresses checked
	 */
	static List<InetAddress> refuseDisallowed(URI uri, AddressClassifier classifier, Resolver resolver)
			throws UnknownHostException {
		if (uri.getHost() == null) {
			throw new RejectedTargetException("callback URL has no host");
		}
		if (NUMERIC.matcher(host(uri)).matches() && !DOTTED_QUAD.matcher(host(uri)).matches()) {
			throw new RejectedTargetException("callback URL host is a numeric address in a non-standard form (" + host(uri)
					+ "); write it as a dotted quad");
		}
		if (isLocalhostName(host(uri))) {
			String refusal = classifier.refusal(InetAddress.getLoopbackAddress());
			if (refusal != null) {
				throw new RejectedTargetException(refusal);
			}
		}
		List<InetAddress> addresses = resolver.resolve(host(uri));
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host(uri));
		}
		for (InetAddress address : addresses) {
			String refusal = classifier.refusal(address);
			if (refusal != null) {
				throw new RejectedTargetException(refusal);
			}
		}
		return addresses;
	}

	/**
	 * Whether a host is a name of loopback by definition (RFC 6761 §6.3: {@code localhost} and
	 * names under {@code .localhost}, any case, with or without the trailing dot), refused as
	 * loopback even where the resolver does not know it.
	 */
	static boolean isLocalhostName(String host) {
		String name = host.toLowerCase(java.util.Locale.ROOT);
		name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		return name.equals("localhost") || name.endsWith(".localhost");
	}

	/** The host of the URI, without the brackets of an IPv6 literal. */
	static String host(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Host name to addresses; the system resolver in production. */
	@FunctionalInterface
	public interface Resolver {

		/** The system resolver ({@link InetAddress#getAllByName}, with the JVM's DNS cache). */
		Resolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

}
