package io.smsgw.modem.config;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.codec.CodecOptions;
import io.smsgw.common.codec.NationalLanguage;
import io.smsgw.modem.rack.ModemSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code sms.modem.*} and the racks built from it.
 */
class ModemConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class, ModemConfiguration.class)
		.withBean(SimpleMeterRegistry.class);

	@Test
	void idlesWithNoRacks() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ModemRacks.class).connectors()).isEmpty();
			assertThat(context.getBean(ModemRacks.class).isRunning()).isTrue();
		});
	}

	@Test
	void bindsRacksWithTheirDefaults() {
		this.runner
			.withPropertyValues("sms.modem.racks[0].id=office", "sms.modem.racks[0].modems[0].id=m1",
					"sms.modem.racks[0].modems[0].port=/nonexistent/ttyUSB0", "sms.modem.racks[0].modems[0].pin=1234",
					"sms.modem.racks[0].modems[1].id=m2", "sms.modem.racks[0].modems[1].port=/nonexistent/ttyUSB1",
					"sms.modem.racks[0].modems[1].baud-rate=9600", "sms.modem.racks[0].modems[1].smsc=+447785016005",
					"sms.modem.racks[0].modems[1].messages-per-minute=3")
			.run((context) -> {
				ModemProperties properties = context.getBean(ModemProperties.class);
				ModemSettings first = properties.racks().get(0).modems().get(0);
				ModemSettings second = properties.racks().get(0).modems().get(1);
				assertThat(first.baudRate()).isEqualTo(115200);
				assertThat(first.messagesPerMinute()).isEqualTo(10);
				assertThat(first.smsc()).isNull();
				assertThat(second.baudRate()).isEqualTo(9600);
				assertThat(second.messagesPerMinute()).isEqualTo(3);
				assertThat(properties.racks().get(0).validity()).isEqualTo(Duration.ofDays(1));
				assertThat(properties.racks().get(0).codecOptions()).isEqualTo(CodecOptions.defaults());
				assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(first.toString()).contains("pin=****").doesNotContain("1234");
				SmsConnector rack = context.getBean(ModemRacks.class).connectors().get(0);
				assertThat(rack.id()).isEqualTo("office");
				assertThat(rack.links()).isEqualTo(new SmsConnector.LinkCount(0, 2));
			});
	}

	@Test
	void bindsTheCodecOptionsOfARack() {
		this.runner
			.withPropertyValues("sms.modem.racks[0].id=istanbul", "sms.modem.racks[0].national-language=turkish",
					"sms.modem.racks[0].max-parts=3")
			.run((context) -> {
				CodecOptions options = context.getBean(ModemProperties.class).racks().get(0).codecOptions();
				assertThat(options.lockingShift()).isEqualTo(NationalLanguage.TURKISH);
				assertThat(options.singleShift()).isEqualTo(NationalLanguage.TURKISH);
				assertThat(options.maxParts()).isEqualTo(3);
			});
	}

	@Test
	void refusesTwoModemsOnOnePort() {
		this.runner
			.withPropertyValues("sms.modem.racks[0].id=a", "sms.modem.racks[0].modems[0].id=m1",
					"sms.modem.racks[0].modems[0].port=/dev/ttyUSB0", "sms.modem.racks[1].id=b",
					"sms.modem.racks[1].modems[0].id=m1", "sms.modem.racks[1].modems[0].port=/dev/ttyUSB0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("/dev/ttyUSB0 is configured for two modems"));
	}

	@Test
	void refusesARackIdThatCannotNameATopic() {
		this.runner.withPropertyValues("sms.modem.racks[0].id=no spaces please")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("rack id"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ModemProperties.class)
	static class PropertiesConfiguration {

	}

}
