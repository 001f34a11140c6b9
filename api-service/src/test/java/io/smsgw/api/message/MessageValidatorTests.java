package io.smsgw.api.message;

import org.junit.jupiter.api.Test;

import io.smsgw.api.message.MessageValidator.ValidMessage;
import io.smsgw.common.web.FieldProblem;
import io.smsgw.common.web.InvalidRequestException;
import io.smsgw.common.codec.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageValidatorTests {

	private final MessageValidator validator = new MessageValidator(10);

	@Test
	void normalizesNationalNumbersWithTheTenantRegion() {
		ValidMessage valid = this.validator.validate(new SendMessageRequest("0151 23456789", "Acme", "hi", null),
				"DE");

		assertThat(valid.to()).isEqualTo("+4915123456789");
		assertThat(valid.encoded().encoding()).isEqualTo(Encoding.GSM7);
		assertThat(valid.encoded().segmentCount()).isEqualTo(1);
	}

	@Test
	void nationalNumberWithoutRegionNamesTo() {
		assertThat(problems(new SendMessageRequest("0151 23456789", "Acme", "hi", null), null))
			.extracting(FieldProblem::field)
			.containsExactly("to");
	}

	@Test
	void countsPartsWithTheCodec() {
		ValidMessage gsm = this.validator.validate(new SendMessageRequest("+4915123456789", "Acme", "a".repeat(300),
				null), null);
		ValidMessage ucs2 = this.validator.validate(new SendMessageRequest("+4915123456789", "Acme", "日本".repeat(40),
				null), null);

		assertThat(gsm.encoded().segmentCount()).isEqualTo(2);
		assertThat(ucs2.encoded().encoding()).isEqualTo(Encoding.UCS2);
		assertThat(ucs2.encoded().segmentCount()).isEqualTo(2);
	}

	@Test
	void tooManyPartsNamesBody() {
		assertThat(problems(new SendMessageRequest("+4915123456789", "Acme", "a".repeat(153 * 10 + 1), null), null))
			.extracting(FieldProblem::field)
			.containsExactly("body");
	}

	@Test
	void callbackMustBeAnAbsoluteHttpUrl() {
		assertThat(MessageValidator.isHttpUrl("https://example.com/hook?x=1")).isTrue();
		assertThat(MessageValidator.isHttpUrl("http://10.0.0.1:8080/")).isTrue();
		assertThat(MessageValidator.isHttpUrl("/relative")).isFalse();
		assertThat(MessageValidator.isHttpUrl("ftp://example.com")).isFalse();
		assertThat(MessageValidator.isHttpUrl("https://")).isFalse();
		assertThat(MessageValidator.isHttpUrl("https://exa mple.com")).isFalse();
	}

	@Test
	void reportsEveryFieldAtOnce() {
		assertThat(problems(new SendMessageRequest(null, null, null, "nope"), "DE")).extracting(FieldProblem::field)
			.containsExactly("to", "from", "body", "callbackUrl");
	}

	private java.util.List<FieldProblem> problems(SendMessageRequest request, String region) {
		return assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.validator.validate(request, region))
			.actual()
			.problems();
	}

}
