package io.smsgw.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.type.Address;

import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/**
 * The SMSC simulator's own ceiling: one bare Cloudhopper transceiver bind, window as given,
 * submitting as fast as the window allows (receipts on, answered at once), in this JVM. The
 * gateway's one SMPP connection is compared with this figure.
 */
public final class SmscCeiling {

	private SmscCeiling() {
	}

	/** {@code java -cp benchmark/target/smsgw-benchmark.jar io.smsgw.benchmark.SmscCeiling [messages] [window]}. */
	public static void main(String[] args) throws Exception {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int window = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		measure(1_000, window);
		System.out.printf("SMSC simulator ceiling, one bind, window %d: %,.0f submit_sm/s (%d messages)%n", window,
				measure(messages, window), messages);
	}

	/** Submits per second over {@code messages} submits (the simulator's answers, in order of arrival). */
	public static double measure(int messages, int window) throws Exception {
		try (SmscSimulator simulator = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withCredentials("ceiling", "secret")
			.withReceipts(Duration.ofMillis(100), "DELIVRD", true))) {
			ExecutorService threads = Executors.newCachedThreadPool();
			DefaultSmppClient client = new DefaultSmppClient(threads, 2);
			Semaphore slots = new Semaphore(window);
			AtomicInteger answered = new AtomicInteger();
			try {
				SmppSessionConfiguration config = new SmppSessionConfiguration();
				config.setName("ceiling");
				config.setHost("127.0.0.1");
				config.setPort(simulator.port());
				config.setSystemId("ceiling");
				config.setPassword("secret");
				config.setType(SmppBindType.TRANSCEIVER);
				config.setWindowSize(window);
				config.setRequestExpiryTimeout(30_000);
				SmppSession session = client.bind(config, new DefaultSmppSessionHandler() {
					@Override
					@SuppressWarnings("rawtypes")
					public PduResponse firePduRequestReceived(PduRequest request) {
						return request.createResponse();
					}

					@Override
					public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
						answered.incrementAndGet();
						slots.release();
					}
				});
				long started = System.nanoTime();
				for (int i = 0; i < messages; i++) {
					slots.acquire();
					SubmitSm submit = new SubmitSm();
					submit.setSourceAddress(new Address((byte) 5, (byte) 0, "BENCH"));
					submit.setDestAddress(new Address((byte) 1, (byte) 1, LoadDriver.destination(i)));
					submit.setRegisteredDelivery((byte) 1);
					submit.setShortMessage(("Benchmark message " + i + ", sent by the load driver")
						.getBytes(StandardCharsets.US_ASCII));
					session.sendRequestPdu(submit, 30_000, false);
				}
				slots.acquire(window);
				double seconds = (System.nanoTime() - started) / 1e9;
				// let the receipts arrive before unbinding, so that none is sent to a closed session
				long deadline = System.nanoTime() + 30_000_000_000L;
				while (simulator.receiptsSent() < messages && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				session.unbind(1000);
				return answered.get() / seconds;
			}
			finally {
				client.destroy();
				threads.shutdownNow();
				threads.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
	}

}
