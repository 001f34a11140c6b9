package io.smsgw.smpp.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.smsgw.common.event.ReceiptState;
import io.smsgw.smpp.submit.CommandStatus;

/**
 * The SMPP connector's meters, tagged by connector: {@code smpp.binds.up} (gauge),
 * {@code smpp.submits} (counter by command_status), {@code smpp.submit.latency} (timer from
 * submit_sm to its response), {@code smpp.receipts} (counter by stat) and {@code smpp.inbound}
 * (counter of MO messages).
 */
public final class SmppMetrics {

	private final MeterRegistry registry;

	private final String connectorId;

	private final Timer latency;

	private final Counter inbound;

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
	}

	/** Registers the gauge of binds up. */
	public void bindsUp(Supplier<Number> up) {
		Gauge.builder("smpp.binds.up", up).description("SMPP binds up").tag("connector", this.connectorId)
			.register(this.registry);
	}

	/** One submit_sm_resp (or none: {@code status} null is counted as "none"). */
	public void submitAnswered(Integer status, Duration latency) {
		String tag = (status != null) ? CommandStatus.code(status) : "none";
		Counter.builder("smpp.submits")
			.description("submit_sm by command_status of the response")
			.tag("connector", this.connectorId)
			.tag("status", tag)
			.register(this.registry)
			.increment();
		if (status != null) {
			this.latency.record(latency);
		}
	}

	/** One receipt received ({@code state} null when it could not be read). */
	public void receipt(ReceiptState state) {
		Counter.builder("smpp.receipts")
			.description("Delivery receipts by stat")
			.tag("connector", this.connectorId)
			.tag("stat", (state != null) ? state.stat() : "UNPARSED")
			.register(this.registry)
			.increment();
	}

	/** One MO message received. */
	public void inbound() {
		this.inbound.increment();
	}

}
