package io.smsgw.modem.rack;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * One rack of modems, served as one connector ({@code sms.modem.racks[]}).
 *
 * @param id the connector id: the rack reads {@code sms.mt.dispatch.<id>}
 * @param modems the rack's modems
 * @param validity how long the SMSC keeps trying a message (default 1 day)
 * @param statusReports whether to ask the network for status reports (TP-SRR, default false
 * until the connector reads them)
 */
public record RackSettings(String id, List<ModemSettings> modems, Duration validity, Boolean statusReports) {

	public RackSettings {
		if (id == null || !id.matches("[a-zA-Z0-9._-]{1,200}")) {
			throw new IllegalArgumentException("A rack id must be 1 to 200 of [a-zA-Z0-9._-], was " + id);
		}
		modems = (modems != null) ? List.copyOf(modems) : List.of();
		validity = (validity != null) ? validity : Duration.ofDays(1);
		statusReports = (statusReports != null) ? statusReports : false;
		if (validity.compareTo(Duration.ofMinutes(5)) < 0) {
			throw new IllegalArgumentException("Rack " + id + ": validity must be at least 5 minutes");
		}
		if (modems.stream().map(ModemSettings::id).distinct().count() != modems.size()) {
			throw new IllegalArgumentException("Rack " + id + " has two modems with the same id");
		}
	}

	/** Fails when two racks share an id or two modems share a port. */
	public static void checkDistinct(List<RackSettings> racks) {
		if (racks.stream().map(RackSettings::id).distinct().count() != racks.size()) {
			throw new IllegalArgumentException("Two modem racks have the same id");
		}
		HashSet<String> ports = new HashSet<>();
		racks.stream().flatMap((rack) -> rack.modems().stream()).forEach((modem) -> {
			if (!ports.add(modem.port())) {
				throw new IllegalArgumentException("Port " + modem.port() + " is configured for two modems");
			}
		});
	}

}
