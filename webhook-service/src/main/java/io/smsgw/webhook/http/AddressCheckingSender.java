package io.smsgw.webhook.http;

import java.net.UnknownHostException;
import java.time.Duration;

import io.smsgw.webhook.http.PrivateAddressTargetPolicy.Resolver;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;

/**
 * Against DNS rebinding: resolves and checks the target's addresses again immediately before
 * each attempt, so a host whose DNS answer changed since the {@link TargetPolicy} accepted it
 * is refused; the HTTP client's own lookup right after is served by the JVM's DNS cache
 * ({@code networkaddress.cache.ttl}, 30 s by default), i.e. the same answer. A host that does
 * not resolve is not sent to (the attempt fails and is retried).
 */
public class AddressCheckingSender implements CallbackSender {

	private final CallbackSender delegate;

	private final AddressClassifier classifier;

	private final Resolver resolver;

	public AddressCheckingSender(CallbackSender delegate, AddressClassifier classifier, Resolver resolver) {
		this.delegate = delegate;
		this.classifier = classifier;
		this.resolver = resolver;
	}

	/**
	 * {@inheritDoc}
	 * @throws RejectedTargetException when the target now resolves to a refused address
	 */
	@Override
	public CallbackResponse send(CallbackRequest request) {
		try {
			PrivateAddressTargetPolicy.refuseDisallowed(request.target(), this.classifier, this.resolver);
		}
		catch (UnknownHostException ex) {
			return CallbackResponse.unanswered("UnknownHostException: " + ex.getMessage(), Duration.ZERO);
		}
		return this.delegate.send(request);
	}

}
