package io.smsgw.webhook.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import io.smsgw.webhook.http.PrivateAddressTargetPolicy.Resolver;
import io.smsgw.webhook.http.TargetPolicy.RejectedTargetException;

/**
 * Against DNS rebinding: resolves the target's host once, immediately before each attempt,
 * refuses it when any of its addresses is not allowed, and pins the attempt to the addresses
 * it checked: the {@link HttpCallbackSender} connects to one of them and never asks DNS again,
 * so what is connected to is what was checked, whatever the name resolves to a moment later.
 * A host that does not resolve is not sent to (the attempt fails and is retried).
 */
public class AddressCheckingSender implements CallbackSender, AutoCloseable {

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
		List<InetAddress> checked;
		try {
			checked = PrivateAddressTargetPolicy.refuseDisallowed(request.target(), this.classifier, this.resolver);
		}
		catch (UnknownHostException ex) {
			return CallbackResponse.unanswered("UnknownHostException: " + ex.getMessage(), Duration.ZERO);
		}
		return this.delegate.send(request.pinnedTo(checked));
	}

	@Override
	public void close() throws Exception {
		if (this.delegate instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
