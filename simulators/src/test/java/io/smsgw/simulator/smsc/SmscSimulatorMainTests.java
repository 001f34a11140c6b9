package io.smsgw.simulator.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmscSimulatorMainTests {

	@Test
	void parsesFlagsOverTheDefaults() {
		SmscSimulatorConfig config = SmscSimulatorMain.parse(new String[] { "--port", "2776", "--system-id", "acme",
				"--password", "pw", "--receipt-delay-ms", "250", "--receipt-stat", "undeliv", "--id-format", "decimal",
				"--throttle-share", "0.1", "--fail-share", "0.2", "--fail-status", "0x0000000B", "--window", "10",
				"--always-receipt" });
		assertThat(config.port()).isEqualTo(2776);
		assertThat(config.systemId()).isEqualTo("acme");
		assertThat(config.password()).isEqualTo("pw");
		assertThat(config.receiptDelay()).isEqualTo(Duration.ofMillis(250));
		assertThat(config.receiptStat()).isEqualTo("UNDELIV");
		assertThat(config.idFormat()).isEqualTo(MessageIdFormat.DECIMAL);
		assertThat(config.throttleShare()).isEqualTo(0.1);
		assertThat(config.failShare()).isEqualTo(0.2);
		assertThat(config.failStatus()).isEqualTo(0x0B);
		assertThat(config.windowSize()).isEqualTo(10);
		assertThat(config.receiptsOnlyWhenRequested()).isFalse();
		assertThat(config.toString()).doesNotContain("pw");
	}

	@Test
	void parsesTheFaultAndFormatFlags() {
		SmscSimulatorConfig config = SmscSimulatorMain.parse(new String[] { "--receipt-id-format", "decimal",
				"--receipts-as", "data_sm", "--receipts-before-response", "--nack-failures", "--tls-key-store",
				"/tmp/k.p12", "--tls-key-store-password", "kpw" });
		assertThat(config.idFormat()).isEqualTo(MessageIdFormat.HEX);
		assertThat(config.receiptIds()).isEqualTo(MessageIdFormat.DECIMAL);
		assertThat(config.receiptsAsDataSm()).isTrue();
		assertThat(config.receiptsBeforeResponse()).isTrue();
		assertThat(config.failuresAsGenericNack()).isTrue();
		assertThat(config.tlsKeyStore()).isEqualTo("/tmp/k.p12");
		assertThat(config.toString()).contains("tls").doesNotContain("kpw");
	}

	@Test
	void refusesUnknownFlagsAndImpossibleShares() {
		assertThatIllegalArgumentException().isThrownBy(() -> SmscSimulatorMain.parse(new String[] { "--nope", "1" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmscSimulatorMain.parse(new String[] { "--throttle-share", "0.7", "--fail-share", "0.5" }));
	}

	@Test
	void formatsIdsAsConfigured() {
		assertThat(MessageIdFormat.HEX.format(123456789)).isEqualTo("75bcd15");
		assertThat(MessageIdFormat.DECIMAL.format(12345)).isEqualTo("0000012345");
		assertThat(MessageIdFormat.DEFAULT.format(123456789)).isEqualTo("00000000075BCD15");
	}

}
