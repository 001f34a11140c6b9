package io.smsgw.smpp.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.MalformedUserDataException;
import io.smsgw.common.event.InboundReceived;

class InboundDecoderTests {

	private static final HexFormat HEX = HexFormat.of();

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
		assertThat(InboundDecoder.decode(0, 0, HEX.parseHex("48656c6c6f2000"), null).text()).isEqualTo("Hello @");
		assertThat(InboundDecoder.decode(8, 0, "Привет".getBytes(StandardCharsets.UTF_16BE), null).text())
			.isEqualTo("Привет");
		DecodedPart latin1 = InboundDecoder.decode(3, 0, "café".getBytes(StandardCharsets.ISO_8859_1), null);
		assertThat(latin1.text()).isEqualTo("café");
		assertThat(latin1.encoding()).isEqualTo(Encoding.LATIN1);
	}

	@Test
	void readsTheUdhWithTheCodec() {
		DecodedPart part = InboundDecoder.decode(0, 0x40, HEX.parseHex("0500034203024869"), null);
		assertThat(part.text()).isEqualTo("Hi");
		assertThat(part.isConcatenated()).isTrue();
		assertThat(part.header().concatenation().reference()).isEqualTo(0x42);
		assertThat(part.header().concatenation().total()).isEqualTo(3);
		assertThat(part.header().concatenation().sequence()).isEqualTo(2);
		// Turkish single shift (IEI 0x24, language 1): 0x1B 0x47 is 'Ğ'
		DecodedPart turkish = InboundDecoder.decode(0, 0x40, HEX.parseHex("032401011b47"), null);
		assertThat(turkish.text()).isEqualTo("Ğ");
		assertThat(InboundDecoder.decode(0, 0, "Hi".getBytes(StandardCharsets.US_ASCII), null).isConcatenated())
			.isFalse();
		assertThatThrownBy(() -> InboundDecoder.decode(0, 0x40, HEX.parseHex("0a0003"), null))
			.isInstanceOf(MalformedUserDataException.class);
		assertThat(InboundDecoder.decodeWithoutHeader(0, HEX.parseHex("0a0003")).payload()).hasSize(3);
	}

	@Test
	void sarTlvsMakeAPartOfAConcatenatedMessage() {
		DecodedPart part = InboundDecoder.decode(0, 0, "Hi".getBytes(StandardCharsets.US_ASCII),
				new InboundDecoder.Sar(0x1234, 2, 1));
		assertThat(part.isConcatenated()).isTrue();
		assertThat(part.header().concatenation().reference()).isEqualTo(0x1234);
		assertThat(part.header().concatenation().sixteenBit()).isTrue();
		assertThat(InboundDecoder.decode(0, 0, "Hi".getBytes(StandardCharsets.US_ASCII),
				new InboundDecoder.Sar(1, 2, 3)).isConcatenated()).as("sequence above the total").isFalse();
	}

	@Test
	void reassemblesPerSenderAndRecipient() {
		MoReassembly reassembly = new MoReassembly("smsc", Clock.systemUTC(), Duration.ofMinutes(5));
		DecodedPart first = InboundDecoder.decode(0, 0x40, HEX.parseHex("0500030702014869"), null);
		DecodedPart second = InboundDecoder.decode(0, 0x40, HEX.parseHex("050003070202212121"), null);
		assertThat(reassembly.accept("+491", "12345", first)).isEmpty();
		assertThat(reassembly.accept("+491", "99999", second)).as("another recipient").isEmpty();
		InboundReceived whole = reassembly.accept("+491", "12345", second).orElseThrow();
		assertThat(whole.body()).isEqualTo("Hi!!!");
		assertThat(whole.from()).isEqualTo("+491");
		assertThat(whole.to()).isEqualTo("12345");
		assertThat(whole.complete()).isTrue();
		assertThat(whole.connectorId()).isEqualTo("smsc");
		assertThat(reassembly.pending()).isEqualTo(1);
		assertThat(reassembly.releaseAll()).singleElement().satisfies((left) -> {
			assertThat(left.to()).isEqualTo("99999");
			assertThat(left.body()).isEqualTo("!!!");
			assertThat(left.complete()).isFalse();
		});
	}

}
