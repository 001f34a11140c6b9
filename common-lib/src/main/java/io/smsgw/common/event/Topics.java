package io.smsgw.common.event;

import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic name of the gateway, and the event type each one carries. Names follow
 * {@code sms.<flow>.<event>}; retry and dead-letter topics add {@link #RETRY_SUFFIX} or
 * {@link #DLT_SUFFIX}.
 */
public final class Topics {

	/** Messages accepted by the API, keyed by message id. */
	public static final String MT_ACCEPTED = "sms.mt.accepted";

	/** Prefix of the per-connector dispatch topics: {@code sms.mt.dispatch.<connectorId>}. */
	public static final String MT_DISPATCH_PREFIX = "sms.mt.dispatch.";

	/** Submit responses: the network took the message (all parts). */
	public static final String MT_SENT = "sms.mt.sent";

	/** A connector could not hand the message over; says whether another route may succeed. */
	public static final String MT_DISPATCH_FAILED = "sms.mt.dispatch-failed";

	/** The router's final verdict that a message cannot be sent (no route, all candidates failed). */
	public static final String MT_FAILED = "sms.mt.failed";

	/** Tenant-facing status changes, written by the dlr-service only. */
	public static final String MT_STATUS = "sms.mt.status";

	/** Delivery receipts as the network reported them, keyed by connector and SMSC message id. */
	public static final String DLR_RECEIVED = "sms.dlr.received";

	/** Mobile-originated (inbound) messages. */
	public static final String MO_RECEIVED = "sms.mo.received";

	/** Inbound messages matched to the tenant that owns them (by the api-service). */
	public static final String MO_ROUTED = "sms.mo.routed";

	/** Bind and modem health reported by connectors. */
	public static final String CONNECTOR_HEALTH = "sms.connector.health";

	/** Changes of routes and connectors, so that every router instance reloads without a restart. */
	public static final String ROUTING_CHANGED = "sms.routing.changed";

	public static final String RETRY_SUFFIX = "-retry";

	public static final String DLT_SUFFIX = "-dlt";

	private static final Map<String, Class<? extends SmsEvent>> EVENT_TYPES = Map.ofEntries(
			Map.entry(MT_ACCEPTED, MessageAccepted.class), Map.entry(MT_SENT, MessageSent.class),
			Map.entry(MT_DISPATCH_FAILED, DispatchFailed.class), Map.entry(MT_FAILED, MessageFailed.class),
			Map.entry(MT_STATUS, StatusChanged.class), Map.entry(DLR_RECEIVED, ReceiptReceived.class),
			Map.entry(MO_RECEIVED, InboundReceived.class), Map.entry(MO_ROUTED, InboundRouted.class),
			Map.entry(CONNECTOR_HEALTH, ConnectorHealth.class), Map.entry(ROUTING_CHANGED, RoutingChanged.class));

	private Topics() {
	}

	/** The dispatch topic of one connector. */
	public static String dispatch(String connectorId) {
		if (connectorId == null || !connectorId.matches("[a-zA-Z0-9._-]{1,200}")) {
			throw new IllegalArgumentException("Invalid connector id for a topic name: " + connectorId);
		}
		return MT_DISPATCH_PREFIX + connectorId;
	}

	/** The dead-letter topic of a topic. */
	public static String deadLetter(String topic) {
		return topic + DLT_SUFFIX;
	}

	/** The fixed topics of the flow (dispatch topics are per connector and not listed). */
	public static List<String> fixedTopics() {
		return List.copyOf(EVENT_TYPES.keySet());
	}

	/**
	 * The event type a topic carries, also for its retry and dead-letter topics.
	 * @throws IllegalArgumentException for a topic that is not the gateway's
	 */
	public static Class<? extends SmsEvent> eventTypeOf(String topic) {
		String base = topic;
		if (base.endsWith(DLT_SUFFIX)) {
			base = base.substring(0, base.length() - DLT_SUFFIX.length());
		}
		if (base.endsWith(RETRY_SUFFIX)) {
			base = base.substring(0, base.length() - RETRY_SUFFIX.length());
		}
		if (base.startsWith(MT_DISPATCH_PREFIX)) {
			return DispatchRequest.class;
		}
		Class<? extends SmsEvent> type = EVENT_TYPES.get(base);
		if (type == null) {
			throw new IllegalArgumentException("Not a gateway topic: " + topic);
		}
		return type;
	}

}
