package io.smsgw.modem.config;

import java.util.List;

import org.springframework.context.SmartLifecycle;

import io.smsgw.common.connector.ConnectorSet;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.modem.rack.ModemRack;

/**
 * The configured racks as the connector runtime sees them. Brings the modems up when the
 * application starts and closes their lines when it stops, after the runtime stopped feeding
 * them (the runtime stops in a later phase).
 */
public class ModemRacks implements ConnectorSet, SmartLifecycle {

	private final List<ModemRack> racks;

	private volatile boolean running;

	public ModemRacks(List<ModemRack> racks) {
		this.racks = List.copyOf(racks);
	}

	@Override
	public List<SmsConnector> connectors() {
		return List.copyOf(this.racks);
	}

	/** The racks. */
	public List<ModemRack> racks() {
		return this.racks;
	}

	@Override
	public void start() {
		this.racks.forEach(ModemRack::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.racks.forEach(ModemRack::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// below the connector runtime (Integer.MAX_VALUE - 100): start before it, stop after it
		return 0;
	}

}
