package io.smsgw.simulator.smsc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.type.Address;

/** A plain Cloudhopper client for the simulator's tests: binds, submits, collects deliver_sm. */
final class SmppTestClient implements AutoCloseable {

	final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();

	/** When set, deliver_sm are collected but never answered (as if the link died first). */
	volatile boolean silent;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final DefaultSmppClient client = new DefaultSmppClient(this.threads, 1);

	SmppSession bind(int port, String systemId, String password, SmppBindType type, int window) throws Exception {
		SmppSessionConfiguration config = new SmppSessionConfiguration();
		config.setHost("127.0.0.1");
		config.setPort(port);
		config.setSystemId(systemId);
		config.setPassword(password);
		config.setType(type);
		config.setWindowSize(window);
		config.setConnectTimeout(5000);
		config.setBindTimeout(5000);
		config.setRequestExpiryTimeout(10_000);
		return this.client.bind(config, new DefaultSmppSessionHandler() {
			@Override
			@SuppressWarnings("rawtypes")
			public PduResponse firePduRequestReceived(PduRequest request) {
				if (request instanceof DeliverSm deliver) {
					SmppTestClient.this.delivered.add(deliver);
					if (SmppTestClient.this.silent) {
						return null;
					}
				}
				return request.createResponse();
			}
		});
	}

	static SubmitSm submit(String from, String to, byte[] shortMessage, int registeredDelivery) throws Exception {
		SubmitSm submit = new SubmitSm();
		submit.setSourceAddress(new Address((byte) 5, (byte) 0, from));
		submit.setDestAddress(new Address((byte) 1, (byte) 1, to));
		submit.setRegisteredDelivery((byte) registeredDelivery);
		submit.setShortMessage(shortMessage);
		return submit;
	}

	@Override
	public void close() {
		this.client.destroy();
		this.threads.shutdownNow();
	}

}
