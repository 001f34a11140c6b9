package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsCodecTests {

	private final SmsCodec codec = SmsCodec.defaults();

	@Test
	void gsmTextOf160SeptetsFitsOnePart() {
		EncodedMessage message = this.codec.encode("a".repeat(160), 7);
		assertThat(message.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(message.segmentCount()).isEqualTo(1);
		assertThat(message.segments().get(0).udh()).isEmpty();
		assertThat(message.unitsLeft()).isZero();
	}

	@Test
	void gsmTextOf161SeptetsTakesTwoPartsOf153() {
		EncodedMessage message = this.codec.encode("a".repeat(161), 0x2A);
		assertThat(message.segmentCount()).isEqualTo(2);
		assertThat(message.segments().get(0).units()).isEqualTo(153);
		assertThat(message.segments().get(1).units()).isEqualTo(8);
		assertThat(HexFormat.of().formatHex(message.segments().get(0).udh())).isEqualTo("0500032a0201");
		assertThat(HexFormat.of().formatHex(message.segments().get(1).udh())).isEqualTo("0500032a0202");
		assertThat(message.unitsLeft()).isEqualTo(145);
	}

	@Test
	void extensionCharactersCostTwoSeptets() {
		EncodedMessage message = this.codec.encode("€".repeat(80), 1);
		assertThat(message.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(message.units()).isEqualTo(160);
		assertThat(message.segmentCount()).isEqualTo(1);
		assertThat(message.segments().get(0).payload()).startsWith(0x1B, 0x65);
	}

	@Test
	void escapePairIsNeverSplitAcrossParts() {
		// 152 plain septets, then '[' (2 septets) would straddle the 153-septet boundary
		EncodedMessage message = this.codec.encode("a".repeat(152) + "[" + "b".repeat(10), 1);
		assertThat(message.segments().get(0).units()).isEqualTo(152);
		assertThat(message.segments().get(1).payload()).startsWith(0x1B, 0x3C);
	}

	@Test
	void unicodeTextUsesUcs2With70And67Units() {
		assertThat(this.codec.encode("П".repeat(70), 1).segmentCount()).isEqualTo(1);
		EncodedMessage message = this.codec.encode("П".repeat(71), 1);
		assertThat(message.encoding()).isEqualTo(Encoding.UCS2);
		assertThat(message.segmentCount()).isEqualTo(2);
		assertThat(message.segments().get(0).payload()).hasSize(134);
	}

	@Test
	void surrogatePairIsNeverSplitAcrossParts() {
		String text = "x".repeat(66) + "😀" + "yyyy";
		EncodedMessage message = this.codec.encode(text, 1);
		assertThat(message.segments().get(0).units()).isEqualTo(66);
		assertThat(new String(message.segments().get(1).payload(), StandardCharsets.UTF_16BE)).isEqualTo("😀yyyy");
	}

	@Test
	void sixteenBitReferenceUsesIei08AndSmallerParts() {
		EncodedMessage message = new SmsCodec(10, true).encode("a".repeat(200), 0x1234);
		assertThat(HexFormat.of().formatHex(message.segments().get(0).udh())).isEqualTo("06080412340201");
		assertThat(message.segments().get(0).units()).isEqualTo(152);
	}

	@Test
	void tooManyPartsIsRejectedNotTruncated() {
		assertThatThrownBy(() -> new SmsCodec(3, false).encode("a".repeat(153 * 3 + 1), 1))
			.isInstanceOf(MessageTooLongException.class)
			.hasMessageContaining("4 parts");
	}

	@Test
	void gsmDefaultAlphabetMatchesTs23038() {
		// 3GPP TS 23.038 6.2.1: '@' is 0x00, '£' 0x01, 'Δ' 0x10, 'É' 0x1F, '¤' 0x24, '¡' 0x40, '§' 0x5F, '¿' 0x60, 'à' 0x7F
		byte[] septets = this.codec.encode("@£ΔÉ¤¡§¿à", 1).segments().get(0).payload();
		assertThat(HexFormat.of().formatHex(septets)).isEqualTo("000110" + "1f" + "24" + "40" + "5f" + "60" + "7f");
	}

	@Test
	void randomTextsRoundTripThroughSplitAndDecode() {
		Random random = new Random(42);
		String alphabet = "abcXYZ 012€[]{}^~|\\\fäöüñ@£$\nΔΩ";
		for (int run = 0; run < 500; run++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(700);
			boolean unicode = random.nextInt(3) == 0;
			for (int i = 0; i < length; i++) {
				if (unicode && random.nextInt(10) == 0) {
					text.appendCodePoint(0x1F600 + random.nextInt(50));
				}
				else {
					text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			EncodedMessage message = new SmsCodec(255, false).encode(text.toString(), run);
			StringBuilder decoded = new StringBuilder();
			for (Segment segment : message.segments()) {
				decoded.append(SmsCodec.decode(segment.payload(), message.encoding()));
				assertThat(segment.units()).isLessThanOrEqualTo(message.encoding().singleCapacity());
			}
			assertThat(decoded.toString()).isEqualTo(text.toString());
		}
	}

}
