package io.smsgw.common.codec;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transliteration keeps word-processor text in GSM-7 and says what it replaced.
 */
class TransliterationTests {

	private final SmsCodec codec = SmsCodec.defaults();

	@Test
	void replacesTypographyAndReportsEveryReplacement() {
		String text = "\u201CHello\u201D \u2013 it\u2019s 10\u00A0am\u2026 don\u2019t be late \u2022 ok";

		EncodedMessage message = this.codec.encode(text, 1, true);

		assertThat(message.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(SmsCodec.decode(message.payload(), Encoding.GSM7))
			.isEqualTo("\"Hello\" - it's 10 am... don't be late - ok");
		assertThat(message.isTransliterated()).isTrue();
		assertThat(message.replacements()).containsExactly(new Replacement("\u201C", "\"", List.of(0)),
				new Replacement("\u201D", "\"", List.of(6)), new Replacement("\u2013", "-", List.of(8)),
				new Replacement("\u2019", "'", List.of(12, 25)), new Replacement("\u00A0", " ", List.of(17)),
				new Replacement("\u2026", "...", List.of(20)), new Replacement("\u2022", "-", List.of(36)));
		assertThat(message.replacements().get(3).count()).isEqualTo(2);
	}

	@Test
	void countsTheTextAsItWillBeSent() {
		// 158 letters and an ellipsis: three septets once replaced, so two parts, not one
		EncodedMessage message = this.codec.encode("a".repeat(158) + "\u2026", 1, true);

		assertThat(message.units()).isEqualTo(161);
		assertThat(message.segmentCount()).isEqualTo(2);
	}

	@Test
	void leavesTheTextAloneWhenItCannotStayGsm7() {
		String text = "\u201CHello\u201D \uD83D\uDE00";

		EncodedMessage message = this.codec.encode(text, 1, true);

		assertThat(message.encoding()).isEqualTo(Encoding.UCS2);
		assertThat(message.replacements()).isEmpty();
		assertThat(SmsCodec.decode(message.payload(), Encoding.UCS2)).isEqualTo(text);
	}

	@Test
	void isOffUnlessAsked() {
		EncodedMessage message = this.codec.encode("it\u2019s", 1);

		assertThat(message.encoding()).isEqualTo(Encoding.UCS2);
		assertThat(message.replacements()).isEmpty();
	}

	@Test
	void dropsZeroWidthCharactersAndMapsAccentsGsmLacks() {
		EncodedMessage message = this.codec.encode("Ol\u00E1\u200B, S\u00E3o Paulo! \u00E7a", 1, true);

		assertThat(SmsCodec.decode(message.payload(), Encoding.GSM7)).isEqualTo("Ola, Sao Paulo! \u00C7a");
		assertThat(message.replacements()).extracting(Replacement::original).containsExactly("\u00E1", "\u200B", "\u00E3", "\u00E7");
	}

	@Test
	void prefersANationalTableOverReplacing() {
		SmsCodec portuguese = new SmsCodec(CodecOptions.defaults().withNationalLanguage(NationalLanguage.PORTUGUESE));

		EncodedMessage message = portuguese.encode("S\u00E3o Paulo \u2013 ol\u00E1", 1, true);

		assertThat(message.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(message.replacements()).extracting(Replacement::original).containsExactly("\u2013");
		assertThat(SmsDecoder.decode(message.segments().get(0).udhAndPayload(), Encoding.GSM7, true).text())
			.isEqualTo("S\u00E3o Paulo - ol\u00E1");
	}

}
