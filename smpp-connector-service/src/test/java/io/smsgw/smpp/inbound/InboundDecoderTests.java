package io.smsgw.smpp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class InboundDecoderTests {

	@Test
	void tellsReceiptsFromMobileOriginatedMessages() {
		assertThat(InboundDecoder.isReceipt(0x04)).isTrue();
		assertThat(InboundDecoder.isReceipt(0x20)).isTrue();
		assertThat(InboundDecoder.isReceipt(0x00)).isFalse();
		assertThat(InboundDecoder.isReceipt(0x40)).isFalse();
	}

	@Test
	void decodesGsmUcs2AndLatin1() {
		// "Hello @" in unpacked GSM 03.38 septets: '@' is 0x00
		assertThat(InboundDecoder.decode(0, 0, HexFormat.of().parseHex("48656c6c6f2000")).text()).isEqualTo("Hello @");
		assertThat(InboundDecoder.decode(8, 0, "Привет".getBytes(StandardCharsets.UTF_16BE)).text())
			.isEqualTo("Привет");
		assertThat(InboundDecoder.decode(3, 0, "café".getBytes(StandardCharsets.ISO_8859_1)).text()).isEqualTo("café");
	}

	@Test
	void stripsTheUdhAndMarksConcatenatedParts() {
		byte[] part = HexFormat.of().parseHex("0500034202014869");
		InboundDecoder.Decoded decoded = InboundDecoder.decode(0, 0x40, part);
		assertThat(decoded.text()).isEqualTo("Hi");
		assertThat(decoded.concatenated()).isTrue();
		assertThat(InboundDecoder.decode(0, 0, "Hi".getBytes(StandardCharsets.US_ASCII)).concatenated()).isFalse();
	}

}
