package io.smsgw.modem.config;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.SendObserver;
import io.smsgw.modem.serial.JSerialCommOpener;

/**
 * Builds one {@link ModemRack} per configured rack on jSerialComm ports; the connector runtime
 * of common-lib feeds them from their dispatch topics.
 */
@Configuration(proxyBeanMethods = false)
class ModemConfiguration {

	@Bean
	ModemRacks modemRacks(ModemProperties properties, ObjectProvider<MeterRegistry> registry) {
		SerialLink.Opener opener = new JSerialCommOpener(properties.readPoll(), Duration.ofSeconds(5));
		MeterRegistry meters = registry.getIfAvailable();
		ModemMetrics metrics = (meters != null) ? new ModemMetrics(meters) : null;
		SendObserver observer = (metrics != null) ? metrics : SendObserver.NONE;
		java.util.List<ModemRack> racks = properties.racks()
			.stream()
			.map((rack) -> new ModemRack(rack, opener, properties.timeouts(), observer, Clock.systemUTC()))
			.toList();
		if (metrics != null) {
			racks.forEach(metrics::bind);
		}
		return new ModemRacks(racks);
	}

}
