package io.smsgw.simulator.smsc;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link SmscSimulator} on its own until the process is stopped. Flags (all optional):
 * {@code --host 127.0.0.1 --port 2775 --system-id smsc --password secret --id-format hex|decimal|default
 * --receipt-delay-ms 100 --receipt-stat DELIVRD --always-receipt --throttle-share 0.0
 * --throttle-status 0x58 --fail-share 0.0 --fail-status 0x0B --nack-failures --window 50 --response-delay-ms 0
 * --receipt-id-format hex|decimal|default --receipts-as deliver_sm|data_sm --receipts-before-response
 * --tls-key-store path --tls-key-store-password pw}.
 */
public final class SmscSimulatorMain {

	private SmscSimulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		SmscSimulatorConfig config = parse(args);
		SmscSimulator simulator = SmscSimulator.start(config);
		System.out.println("SMSC simulator listening on " + config.host() + ":" + simulator.port());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "smsc-simulator-stop"));
		stopped.await();
	}

	/** The configuration the flags describe, starting from the defaults with port 2775. */
	static SmscSimulatorConfig parse(String[] args) {
		SmscSimulatorConfig config = SmscSimulatorConfig.defaults().withPort(2775);
		String host = config.host();
		for (int i = 0; i < args.length; i++) {
			String flag = args[i];
			if ("--receipts-before-response".equals(flag)) {
				config = config.withReceiptsBeforeResponse(true);
				continue;
			}
			if ("--nack-failures".equals(flag)) {
				config = config.withFailuresAsGenericNack(true);
				continue;
			}
			if ("--always-receipt".equals(flag)) {
				config = config.withReceipts(config.receiptDelay(), config.receiptStat(), false);
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + flag);
			}
			String value = args[++i];
			switch (flag) {
				case "--host" -> host = value;
				case "--port" -> config = config.withPort(Integer.parseInt(value));
				case "--system-id" -> config = config.withCredentials(value, config.password());
				case "--password" -> config = config.withCredentials(config.systemId(), value);
				case "--id-format" -> config = config.withIdFormat(MessageIdFormat.valueOf(value.toUpperCase(Locale.ROOT)));
				case "--receipt-delay-ms" -> config = config.withReceipts(Duration.ofMillis(Long.parseLong(value)),
						config.receiptStat(), config.receiptsOnlyWhenRequested());
				case "--receipt-stat" -> config = config.withReceipts(config.receiptDelay(),
						value.toUpperCase(Locale.ROOT), config.receiptsOnlyWhenRequested());
				case "--throttle-share" -> config = config.withThrottleShare(Double.parseDouble(value));
				case "--throttle-status" -> config = config.withThrottleStatus(Integer.decode(value));
				case "--fail-share" -> config = config.withFailures(Double.parseDouble(value), config.failStatus());
				case "--fail-status" -> config = config.withFailures(config.failShare(), Integer.decode(value));
				case "--window" -> config = config.withWindowSize(Integer.parseInt(value));
				case "--receipt-id-format" -> config = config
					.withReceiptIdFormat(MessageIdFormat.valueOf(value.toUpperCase(Locale.ROOT)));
				case "--receipts-as" -> config = config.withReceiptsAsDataSm("data_sm".equalsIgnoreCase(value));
				case "--tls-key-store" -> config = config.withTls(value, config.tlsKeyStorePassword());
				case "--tls-key-store-password" -> config = config.withTls(config.tlsKeyStore(), value);
				case "--response-delay-ms" -> config = config.withResponseDelay(Duration.ofMillis(Long.parseLong(value)));
				default -> throw new IllegalArgumentException("Unknown flag " + flag);
			}
		}
		return new SmscSimulatorConfig(host, config.port(), config.systemId(), config.password(), config.idFormat(),
				config.receiptDelay(), config.receiptStat(), config.receiptsOnlyWhenRequested(),
				config.throttleShare(), config.failShare(), config.failStatus(), config.windowSize(),
				config.responseDelay(), config.receiptIdFormat(), config.receiptsAsDataSm(),
				config.receiptsBeforeResponse(), config.failuresAsGenericNack(), config.tlsKeyStore(),
				config.tlsKeyStorePassword(), config.throttleStatus());
	}

}
