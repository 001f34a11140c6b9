package io.smsgw.api.message;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smsgw.api.message.MessageValidator.ValidMessage;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text that is sent when transliteration is on, and the choice between the request's and the
 * tenant's setting.
 */
class TransliterationTests {

	private static final String TYPOGRAPHIC = "\u201CHello\u201D \u2013 it\u2019s 5\u00A0pm\u2026 see you";

	private final MessageValidator validator = new MessageValidator(10);

	@Test
	void sentTextAppliesEveryReplacementAndEncodesLikeTheCodecCounted() {
		EncodedMessage encoded = this.validator.encode(TYPOGRAPHIC, null, true);

		String sent = MessageValidator.sentText(TYPOGRAPHIC, encoded);

		assertThat(sent).isEqualTo("\"Hello\" - it's 5 pm... see you");
		EncodedMessage plain = this.validator.encode(sent, null, false);
		assertThat(plain.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(plain.units()).isEqualTo(encoded.units());
		assertThat(plain.unitsLeft()).isEqualTo(encoded.unitsLeft());
		assertThat(ReplacementView.of(encoded.replacements())).extracting(ReplacementView::original)
			.containsExactlyInAnyOrder("\u201C", "\u201D", "\u2013", "\u2019", "\u00A0", "\u2026");
	}

	@Test
	void droppedCharactersAndLongTextsAreRebuiltExactly() {
		String text = ("a\u200Bb\u2014c \u2018q\u2019 ").repeat(40);
		EncodedMessage encoded = this.validator.encode(text, null, true);

		String sent = MessageValidator.sentText(text, encoded);

		assertThat(sent).isEqualTo("ab-c 'q' ".repeat(40));
		assertThat(encoded.segmentCount()).isEqualTo(this.validator.encode(sent, null, false).segmentCount());
	}

	@Test
	void requestChoiceWinsOverTheTenantSetting() {
		SendMessageRequest on = request(Boolean.TRUE);
		SendMessageRequest off = request(Boolean.FALSE);
		SendMessageRequest unset = request(null);

		assertThat(validate(on, false).encoded().encoding()).isEqualTo(Encoding.GSM7);
		assertThat(validate(off, true).encoded().encoding()).isEqualTo(Encoding.UCS2);
		assertThat(validate(unset, true).encoded().encoding()).isEqualTo(Encoding.GSM7);
		assertThat(validate(unset, false).encoded().encoding()).isEqualTo(Encoding.UCS2);
		assertThat(validate(unset, true).body()).isEqualTo("\"Hello\" - it's 5 pm... see you");
		assertThat(validate(unset, false).body()).isEqualTo(TYPOGRAPHIC);
	}

	@Test
	void textThatStaysUnicodeIsSentUnchanged() {
		String text = "\u041F\u0440\u0438\u0432\u0435\u0442 \u201Cworld\u201D";
		EncodedMessage encoded = this.validator.encode(text, null, true);

		assertThat(encoded.encoding()).isEqualTo(Encoding.UCS2);
		assertThat(encoded.replacements()).isEmpty();
		assertThat(MessageValidator.sentText(text, encoded)).isEqualTo(text);
	}

	private ValidMessage validate(SendMessageRequest request, boolean tenantSetting) {
		return this.validator.validate(request, null, null, tenantSetting, Instant.now());
	}

	private static SendMessageRequest request(Boolean transliterate) {
		return new SendMessageRequest("+4915123456789", "Acme", TYPOGRAPHIC, null, null, null, null, null, null,
				transliterate);
	}

}
