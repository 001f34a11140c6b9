package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageIdsTests {

	@Test
	void normalisesCaseSpacesAndLeadingZeros() {
		assertThat(MessageIds.normalise(" 00A1b ")).isEqualTo("a1b");
		assertThat(MessageIds.normalise("0000012345")).isEqualTo("12345");
		assertThat(MessageIds.normalise("00000000075BCD15")).isEqualTo("75bcd15");
		assertThat(MessageIds.normalise("000")).isEqualTo("0");
		assertThat(MessageIds.normalise("  ")).isNull();
		assertThat(MessageIds.normalise(null)).isNull();
	}

	@Test
	void concatenationReferenceIsStablePerMessage() {
		UUID id = UUID.fromString("4a0f6a2e-62f1-4c84-9d57-3e5f2d1c0b9a");
		assertThat(MessageIds.concatenationReference(id)).isEqualTo(MessageIds.concatenationReference(id))
			.isBetween(0, 0xFFFF);
	}

}
