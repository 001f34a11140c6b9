package io.smsgw.modem.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.SendObserver;

/**
 * The connector's meters: {@code sms.modem.modems.up} and {@code sms.modem.modems.configured}
 * per rack, {@code sms.modem.sends} per rack and outcome ({@code sent}, {@code failed},
 * {@code requeued}).
 */
class ModemMetrics implements SendObserver {

	private final MeterRegistry registry;

	ModemMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Registers the gauges of a rack. */
	void bind(ModemRack rack) {
		Gauge.builder("sms.modem.modems.up", rack, (r) -> r.links().up())
			.description("Modems of the rack initialised and able to send")
			.tag("rack", rack.id())
			.register(this.registry);
		Gauge.builder("sms.modem.modems.configured", rack, (r) -> r.links().total())
			.description("Modems configured in the rack")
			.tag("rack", rack.id())
			.register(this.registry);
	}

	@Override
	public void outcome(String rackId, DispatchOutcome outcome) {
		String name;
		if (outcome instanceof DispatchOutcome.Sent) {
			name = "sent";
		}
		else if (outcome instanceof DispatchOutcome.Failed) {
			name = "failed";
		}
		else {
			name = "requeued";
		}
		Counter.builder("sms.modem.sends")
			.description("Messages dispatched to the rack, by outcome")
			.tag("rack", rackId)
			.tag("outcome", name)
			.register(this.registry)
			.increment();
	}

}
