package io.smsgw.modem.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.modem.rack.ModemHealth;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.RackObserver;

/**
 * The connector's meters. Per rack: {@code sms.modem.modems.up}, {@code sms.modem.modems.configured},
 * {@code sms.modem.inbound}, {@code sms.modem.status.reports}; per modem: {@code sms.modem.signal}
 * (dBm, NaN unknown), {@code sms.modem.healthy} (1/0) and {@code sms.modem.sends} by outcome
 * ({@code sent}, {@code failed}, {@code requeued}; modem {@code none} when no modem took it).
 */
class ModemMetrics implements RackObserver {

	private final MeterRegistry registry;

	ModemMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Registers the gauges of a rack and its modems. */
	void bind(ModemRack rack) {
		Gauge.builder("sms.modem.modems.up", rack, (r) -> r.links().up())
			.description("Modems of the rack initialised, registered and able to send")
			.tag("rack", rack.id())
			.register(this.registry);
		Gauge.builder("sms.modem.modems.configured", rack, (r) -> r.links().total())
			.description("Modems configured in the rack")
			.tag("rack", rack.id())
			.register(this.registry);
		for (ModemHealth modem : rack.health()) {
			String id = modem.modemId();
			Gauge.builder("sms.modem.signal", rack, (r) -> health(r, id).signalDbm())
				.description("Signal of the modem from +CSQ, in dBm (NaN when unknown)")
				.tags("rack", rack.id(), "modem", id)
				.register(this.registry);
			Gauge.builder("sms.modem.healthy", rack, (r) -> health(r, id).healthy() ? 1 : 0)
				.description("1 when the modem can send (initialised, SIM ready, registered), else 0")
				.tags("rack", rack.id(), "modem", id)
				.register(this.registry);
		}
	}

	private static ModemHealth health(ModemRack rack, String modemId) {
		return rack.health().stream().filter((h) -> h.modemId().equals(modemId)).findFirst().orElseThrow();
	}

	@Override
	public void outcome(String rackId, String modemId, DispatchOutcome outcome) {
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
			.description("Attempts on the rack's modems by outcome; a message moved to another modem counts requeued")
			.tags("rack", rackId, "modem", modemId, "outcome", name)
			.register(this.registry)
			.increment();
	}

	@Override
	public void inbound(String rackId) {
		Counter.builder("sms.modem.inbound")
			.description("Inbound messages published (a concatenated message counts once)")
			.tag("rack", rackId)
			.register(this.registry)
			.increment();
	}

	@Override
	public void statusReport(String rackId) {
		Counter.builder("sms.modem.status.reports")
			.description("Status reports published as receipts")
			.tag("rack", rackId)
			.register(this.registry)
			.increment();
	}

}
