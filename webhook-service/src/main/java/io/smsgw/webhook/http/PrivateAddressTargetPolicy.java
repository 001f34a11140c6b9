package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF filter: after the URL checks of the policy it decorates, resolves the host and
 * refuses the URL when any of its addresses is not allowed by the {@link AddressClassifier}.
 * A host that does not resolve passes here (a DNS failure may be temporary); the
 * {@link AddressCheckingSender} resolves and checks again right before connecting and does
 * not connect to a host it could not check.
 */
public class PrivateAddressTargetPolicy implements TargetPolicy {

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
