package io.smsgw.smpp.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.smsgw.common.event.ReceiptState;
import io.smsgw.smpp.submit.CommandStatus;

/**
 * The SMPP connector's meters, tagged by connector: {@code smpp.binds.up} (gauge),
 * {@code smpp.bind.up} (gauge per bind, 1 or 0), {@code smpp.window.in-use} (gauge of submits
 * awaiting their response), {@code smpp.window.size} (gauge of the slots over all submitting
 * binds), {@code smpp.tps.effective} (gauge, 0 when unpaced),
 * {@code smpp.throttled} (counter of throttle answers), {@code smpp.submits} (counter by
 * command_status; its rate is the submits per second), {@code smpp.submit.latency} (timer from
 * submit_sm to its response), {@code smpp.receipts} (counter by stat) and {@code smpp.inbound}
 * (counter of MO messages).
 */
public final class SmppMetrics {

	private final MeterRegistry registry;

	private final String connectorId;

	private final Timer latency;

	private final Counter inbound;

	private final Counter throttled;

	/** Counters by status looked up once (a builder per submit was 2 % of the connector's CPU). */
	private final Map<Integer, Counter> submits = new ConcurrentHashMap<>();

	private final Map<String, Counter> receipts = new ConcurrentHashMap<>();

	public SmppMetrics(MeterRegistry registry, String connectorId) {
		this.registry = registry;
		this.connectorId = connectorId;
		this.latency = Timer.builder("smpp.submit.latency")
			.description("Time from submit_sm to submit_sm_resp")
			.tag("connector", connectorId)
			.publishPercentileHistogram()
			.register(registry);
		this.inbound = Counter.builder("smpp.inbound")
			.description("Mobile-originated messages received")
			.tag("connector", connectorId)
			.register(registry);
		this.throttled = Counter.builder("smpp.throttled")
			.description("submit_sm answered ESME_RTHROTTLED or ESME_RMSGQFUL")
			.tag("connector", connectorId)
			.register(registry);
	}

	/** Registers the state gauge of one bind (1 bound, 0 not). */
	public void bindState(String bind, String type, Supplier<Boolean> bound) {
		Gauge.builder("smpp.bind.up", () -> bound.get() ? 1 : 0)
			.description("SMPP bind state, 1 bound")
			.tag("connector", this.connectorId)
			.tag("bind", bind)
			.tag("type", type)
			.register(this.registry);
	}

	/** Registers the gauge of submits in flight over all binds. */
	public void windowInUse(Supplier<Number> inFlight) {
		Gauge.builder("smpp.window.in-use", inFlight)
			.description("submit_sm sent and not answered yet")
			.tag("connector", this.connectorId)
			.register(this.registry);
	}

	/** Registers the gauge of the window over all binds that submit (window size per bind times binds). */
	public void windowSize(long slots) {
		Gauge.builder("smpp.window.size", () -> slots)
			.description("submit_sm that may be in flight at once over all submitting binds")
			.tag("connector", this.connectorId)
			.register(this.registry);
	}

	/** Registers the gauge of the connection's rate now (0 when unpaced). */
	public void effectiveTps(Supplier<Number> tps) {
		Gauge.builder("smpp.tps.effective", tps)
			.description("submit_sm per second allowed now, 0 for no cap")
			.tag("connector", this.connectorId)
			.register(this.registry);
	}

	/** One throttle answer (ESME_RTHROTTLED or ESME_RMSGQFUL). */
	public void throttled() {
		this.throttled.increment();
	}

	/** Registers the gauge of binds up. */
	public void bindsUp(Supplier<Number> up) {
		Gauge.builder("smpp.binds.up", up).description("SMPP binds up").tag("connector", this.connectorId)
			.register(this.registry);
	}

	/** One submit_sm_resp (or none: {@code status} null is counted as "none"). */
	public void submitAnswered(Integer status, Duration latency) {
		// null (no response) has its own key: no command_status is -1 (0xFFFFFFFF is reserved)
		this.submits.computeIfAbsent((status != null) ? status : -1, (key) -> Counter.builder("smpp.submits")
			.description("submit_sm by command_status of the response")
			.tag("connector", this.connectorId)
			.tag("status", (status != null) ? CommandStatus.code(status) : "none")
			.register(this.registry)).increment();
		if (status != null) {
			this.latency.record(latency);
		}
	}

	/** One receipt received ({@code state} null when it could not be read). */
	public void receipt(ReceiptState state) {
		String stat = (state != null) ? state.stat() : "UNPARSED";
		this.receipts.computeIfAbsent(stat, (key) -> Counter.builder("smpp.receipts")
			.description("Delivery receipts by stat")
			.tag("connector", this.connectorId)
			.tag("stat", key)
			.register(this.registry)).increment();
	}

	/** One MO message received. */
	/** Sets of concatenated MO parts held in memory, waiting for the rest. */
	public void inboundPending(Supplier<Number> pending) {
		Gauge.builder("smpp.inbound.pending", pending)
			.description("Concatenated MO messages waiting for parts")
			.tag("connector", this.connectorId)
			.register(this.registry);
	}

	public void inbound() {
		this.inbound.increment();
	}

}
