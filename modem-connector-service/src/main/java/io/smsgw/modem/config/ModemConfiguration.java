package io.smsgw.modem.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.rack.ModemRack;
import io.smsgw.modem.rack.RackObserver;
import io.smsgw.modem.serial.JSerialCommOpener;

/**
 * Builds one {@link ModemRack} per configured rack on jSerialComm ports; the connector runtime
 * of common-lib feeds them from their dispatch topics and publishes what they receive.
 */
@Configuration(proxyBeanMethods = false)
class ModemConfiguration {

	@Bean
	ModemRacks modemRacks(ModemProperties properties, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<ConnectorEvents> events) {
		SerialLink.Opener opener = new JSerialCommOpener(properties.readPoll(), Duration.ofSeconds(5));
		MeterRegistry meters = registry.getIfAvailable();
		ModemMetrics metrics = (meters != null) ? new ModemMetrics(meters) : null;
		RackObserver observer = (metrics != null) ? metrics : RackObserver.NONE;
		// without the connector runtime (no Kafka) nothing is acknowledged, so nothing leaves the SIMs
		ConnectorEvents publisher = events.getIfAvailable(() -> UnpublishedEvents.INSTANCE);
		List<ModemRack> racks = properties.racks()
			.stream()
			.map((rack) -> new ModemRack(rack, opener, properties.timeouts(), observer, publisher, Clock.systemUTC()))
			.toList();
		if (metrics != null) {
			racks.forEach(metrics::bind);
		}
		return new ModemRacks(racks);
	}

}
