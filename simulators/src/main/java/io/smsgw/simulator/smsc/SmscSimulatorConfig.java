package io.smsgw.simulator.smsc;

import java.time.Duration;

/**
 * How a {@link SmscSimulator} behaves. Start from {@link #defaults()} and change with the
 * {@code with*} methods.
 *
 * @param host address to listen on
 * @param port port to listen on, 0 for a free one
 * @param systemId the only system id accepted at bind
 * @param password the only password accepted at bind
 * @param idFormat how message ids are written in submit_sm_resp
 * @param receiptDelay pause between a submit and its receipt
 * @param receiptStat the {@code stat} of every receipt (DELIVRD, UNDELIV, EXPIRED, REJECTD, ...)
 * @param receiptsOnlyWhenRequested send a receipt only when registered_delivery asks for one
 * @param throttleShare share (0..1) of submits answered {@code throttleStatus}
 * @param failShare share (0..1) of submits answered {@code failStatus}
 * @param failStatus the command_status of failed submits, e.g. 0x0000000B ESME_RINVDSTADR
 * @param windowSize requests the simulator keeps in flight towards a client (deliver_sm)
 * @param responseDelay pause before each submit_sm_resp (0 answers at once), to make windowing visible
 * @param receiptIdFormat how ids are written in receipts, {@code null} for the same as {@code idFormat}
 * @param receiptsAsDataSm send receipts as data_sm rather than deliver_sm
 * @param receiptsBeforeResponse send each receipt before the submit_sm_resp
 * @param failuresAsGenericNack answer failures with generic_nack rather than submit_sm_resp
 * @param tlsKeyStore key store path to listen with TLS, {@code null} for plain TCP
 * @param tlsKeyStorePassword its password (never logged)
 * @param throttleStatus the command_status of the throttled share: ESME_RTHROTTLED (0x58) or ESME_RMSGQFUL (0x14)
 */
public record SmscSimulatorConfig(String host,
		int port,
		String systemId,
		String password,
		MessageIdFormat idFormat,
		Duration receiptDelay,
		String receiptStat,
		boolean receiptsOnlyWhenRequested,
		double throttleShare,
		double failShare,
		int failStatus,
		int windowSize,
		Duration responseDelay,
		MessageIdFormat receiptIdFormat,
		boolean receiptsAsDataSm,
		boolean receiptsBeforeResponse,
		boolean failuresAsGenericNack,
		String tlsKeyStore,
		String tlsKeyStorePassword,
		int throttleStatus) {

	/** ESME_RTHROTTLED. */
	public static final int STATUS_THROTTLED = 0x58;

	/** ESME_RMSGQFUL. */
	public static final int STATUS_QUEUE_FULL = 0x14;

	/** ESME_RINVDSTADR. */
	public static final int STATUS_INVALID_DEST = 0x0B;

	public SmscSimulatorConfig {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535, was " + port);
		}
		if (throttleShare < 0 || failShare < 0 || throttleShare + failShare > 1) {
			throw new IllegalArgumentException("throttleShare and failShare must be >= 0 and add up to at most 1");
		}
		if (windowSize < 1) {
			throw new IllegalArgumentException("windowSize must be at least 1");
		}
		if (receiptDelay.isNegative() || responseDelay.isNegative()) {
			throw new IllegalArgumentException("delays must not be negative");
		}
	}

	/** 127.0.0.1, a free port, smsc/secret, hex ids, DELIVRD receipts after 100 ms, no errors, window 50. */
	public static SmscSimulatorConfig defaults() {
		return new SmscSimulatorConfig("127.0.0.1", 0, "smsc", "secret", MessageIdFormat.HEX, Duration.ofMillis(100),
				"DELIVRD", true, 0, 0, STATUS_INVALID_DEST, 50, Duration.ZERO, null, false, false, false, null, null, STATUS_THROTTLED);
	}

	/** The form of ids in receipts. */
	public MessageIdFormat receiptIds() {
		return (this.receiptIdFormat != null) ? this.receiptIdFormat : this.idFormat;
	}

	public SmscSimulatorConfig withPort(int port) {
		return new SmscSimulatorConfig(this.host, port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withCredentials(String systemId, String password) {
		return new SmscSimulatorConfig(this.host, this.port, systemId, password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withIdFormat(MessageIdFormat idFormat) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withReceipts(Duration delay, String stat, boolean onlyWhenRequested) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, delay, stat, onlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withThrottleShare(double share) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, share, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withFailures(double share, int status) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, share, status, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withWindowSize(int windowSize) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	public SmscSimulatorConfig withResponseDelay(Duration delay) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, delay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	/** Writes receipt ids (text and TLV) in another form than the responses, e.g. responses HEX, receipts DECIMAL. */
	public SmscSimulatorConfig withReceiptIdFormat(MessageIdFormat format) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, format, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	/** Sends receipts as data_sm (text in message_payload) instead of deliver_sm. */
	public SmscSimulatorConfig withReceiptsAsDataSm(boolean dataSm) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, dataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	/** Sends each receipt before the submit_sm_resp (the response then waits at least 50 ms). */
	public SmscSimulatorConfig withReceiptsBeforeResponse(boolean before) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, before, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	/** Answers the failed share with generic_nack (carrying failStatus) instead of submit_sm_resp. */
	public SmscSimulatorConfig withFailuresAsGenericNack(boolean nack) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, nack, this.tlsKeyStore, this.tlsKeyStorePassword, this.throttleStatus);
	}

	/** Listens with TLS, presenting the key of a PKCS12 or JKS key store. */
	public SmscSimulatorConfig withTls(String keyStore, String keyStorePassword) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, keyStore, keyStorePassword, this.throttleStatus);
	}

	/** Answers the throttled share with this command_status, e.g. {@link #STATUS_QUEUE_FULL}. */
	public SmscSimulatorConfig withThrottleStatus(int status) {
		return new SmscSimulatorConfig(this.host, this.port, this.systemId, this.password, this.idFormat, this.receiptDelay, this.receiptStat, this.receiptsOnlyWhenRequested, this.throttleShare, this.failShare, this.failStatus, this.windowSize, this.responseDelay, this.receiptIdFormat, this.receiptsAsDataSm, this.receiptsBeforeResponse, this.failuresAsGenericNack, this.tlsKeyStore, this.tlsKeyStorePassword, status);
	}

	@Override
	public String toString() {
		return "SmscSimulatorConfig[" + this.host + ":" + this.port + ((this.tlsKeyStore != null) ? " tls" : "")
				+ " systemId=" + this.systemId + " ids=" + this.idFormat + "/" + receiptIds() + " receipt="
				+ this.receiptStat + "/" + this.receiptDelay.toMillis() + "ms" + (this.receiptsAsDataSm ? " data_sm" : "")
				+ (this.receiptsBeforeResponse ? " before-resp" : "") + " throttle=" + this.throttleShare + "@0x" + Integer.toHexString(this.throttleStatus) + " fail="
				+ this.failShare + "@0x" + Integer.toHexString(this.failStatus) + (this.failuresAsGenericNack ? " nack" : "")
				+ " window=" + this.windowSize + "]";
	}

}
