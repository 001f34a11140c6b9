package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smsgw.smpp.submit.CommandStatus.Verdict;

class CommandStatusTests {

	@Test
	void okIsAccepted() {
		assertThat(CommandStatus.classify(0)).isEqualTo(Verdict.ACCEPTED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x58, 0x14, 0x04 })
	void throttlingAndFullQueuesRequeue(int status) {
		assertThat(CommandStatus.classify(status)).isEqualTo(Verdict.REQUEUE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x0B, 0x0A, 0x01, 0x104, 0x48, 0x51, 0x43, 0x62, 0xC4 })
	void wrongMessagesFailPermanently(int status) {
		assertThat(CommandStatus.classify(status)).isEqualTo(Verdict.PERMANENT);
		assertThat(CommandStatus.classify(status).isRetriable()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x08, 0x45, 0xFF, 0xFE, 0x64, 0x400, 0x4FF })
	void smscFailuresAndVendorCodesAreRetriable(int status) {
		assertThat(CommandStatus.classify(status)).isEqualTo(Verdict.TRANSIENT);
		assertThat(CommandStatus.classify(status).isRetriable()).isTrue();
	}

	@Test
	void writesCodesAndNames() {
		assertThat(CommandStatus.code(0x0B)).isEqualTo("0x0000000B");
		assertThat(CommandStatus.name(0x0B)).isEqualTo("ESME_RINVDSTADR");
		assertThat(CommandStatus.name(0x401)).isEqualTo("vendor-specific 0x00000401");
	}

}
