package io.smsgw.smpp.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.smpp.cloudhopper.SmppConnectors;
import io.smsgw.smpp.properties.SmppProperties;

/**
 * Builds the SMPP connectors from {@code sms.smpp.connections} as one {@code ConnectorSet} (the
 * dispatch runtime of common-lib serves them) and ties their binds to the application lifecycle:
 * binds open on start and are unbound on shutdown, after the dispatch listeners stopped.
 */
@Configuration(proxyBeanMethods = false)
class SmppConfiguration {

	@Bean(destroyMethod = "close")
	SmppConnectors smppConnectors(SmppProperties properties, ObjectProvider<ConnectorEvents> events,
			MeterRegistry registry) {
		return new SmppConnectors(properties, events.getObject(), registry, Clock.systemUTC());
	}

	@Bean
	SmartLifecycle smppBinds(SmppConnectors connectors) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				connectors.start();
				this.running = true;
			}

			@Override
			public void stop() {
				connectors.close();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				// before the dispatch runtime (which starts later and stops first)
				return 0;
			}

		};
	}

}
