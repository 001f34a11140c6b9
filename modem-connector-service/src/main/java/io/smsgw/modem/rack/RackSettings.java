package io.smsgw.modem.rack;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import io.smsgw.common.codec.CodecOptions;
import io.smsgw.common.codec.NationalLanguage;

/**
 * One rack of modems, served as one connector ({@code sms.modem.racks[]}).
 *
 * @param id the connector id: the rack reads {@code sms.mt.dispatch.<id>}
 * @param modems the rack's modems
 * @param validity how long the SMSC keeps trying a message (default 1 day)
 * @param statusReports whether to ask the network for status reports (TP-SRR, default true);
 * they come back as receipts
 * @param maxParts most parts a message may take (1 to 255, default 10); a longer one fails
 * permanently, never truncated
 * @param nationalLanguage the national shift tables (TS 23.038) the rack may use to keep a text
 * GSM-7: {@code none} (default), {@code turkish}, {@code spanish} or {@code portuguese}; the
 * codec uses them only when they save parts or characters
 */
public record RackSettings(String id, List<ModemSettings> modems, Duration validity, Boolean statusReports,
		Integer maxParts, NationalLanguage nationalLanguage) {

	public RackSettings {
		if (id == null || !id.matches("[a-zA-Z0-9._-]{1,200}")) {
			throw new IllegalArgumentException("A rack id must be 1 to 200 of [a-zA-Z0-9._-], was " + id);
		}
		modems = (modems != null) ? List.copyOf(modems) : List.of();
		validity = (validity != null) ? validity : Duration.ofDays(1);
		statusReports = (statusReports != null) ? statusReports : true;
		maxParts = (maxParts != null) ? maxParts : CodecOptions.defaults().maxParts();
		nationalLanguage = (nationalLanguage != null) ? nationalLanguage : NationalLanguage.NONE;
		if (maxParts < 1 || maxParts > 255) {
			throw new IllegalArgumentException("Rack " + id + ": max-parts must be 1 to 255, was " + maxParts);
		}
		if (validity.compareTo(Duration.ofMinutes(5)) < 0) {
			throw new IllegalArgumentException("Rack " + id + ": validity must be at least 5 minutes");
		}
		if (modems.stream().map(ModemSettings::id).distinct().count() != modems.size()) {
			throw new IllegalArgumentException("Rack " + id + " has two modems with the same id");
		}
	}

	/** How the rack encodes: its maximum parts and national tables, 8-bit concatenation references. */
	public CodecOptions codecOptions() {
		return CodecOptions.defaults()
			.withNationalLanguage(this.nationalLanguage)
			.withMaxParts(this.maxParts);
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
