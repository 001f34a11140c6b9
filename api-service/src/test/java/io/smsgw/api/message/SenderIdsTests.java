package io.smsgw.api.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderIdsTests {

	@Test
	void acceptsE164NumbersInCanonicalForm() {
		assertThat(SenderIds.normalize("+49 151 23456789")).contains("+4915123456789");
		assertThat(SenderIds.normalize("4915123456789")).contains("+4915123456789");
	}

	@Test
	void acceptsShortCodesOfThreeToEightDigits() {
		assertThat(SenderIds.normalize("123")).contains("123");
		assertThat(SenderIds.normalize("12345678")).contains("12345678");
		assertThat(SenderIds.normalize("12")).isEmpty();
		assertThat(SenderIds.normalize("123456789")).isEmpty();
	}

	@Test
	void acceptsAlphanumericIdsOfUpToElevenGsmCharactersWithALetter() {
		assertThat(SenderIds.normalize("Acme")).contains("Acme");
		assertThat(SenderIds.normalize("  Acme Bank ")).contains("Acme Bank");
		assertThat(SenderIds.normalize("ACME-2024")).contains("ACME-2024");
		assertThat(SenderIds.normalize("Café")).contains("Café");
		assertThat(SenderIds.normalize("Ünïcödé")).isEmpty();
		assertThat(SenderIds.normalize("Élan")).contains("Élan");
		assertThat(SenderIds.normalize("TwelveChars1")).isEmpty();
		assertThat(SenderIds.normalize("12-34")).isEmpty();
		assertThat(SenderIds.normalize("Привет")).isEmpty();
		assertThat(SenderIds.normalize("Ac\nme")).isEmpty();
	}

	@Test
	void rejectsBlankAndInvalidNumbers() {
		assertThat(SenderIds.normalize(null)).isEmpty();
		assertThat(SenderIds.normalize("  ")).isEmpty();
		assertThat(SenderIds.normalize("+12")).isEmpty();
		assertThat(SenderIds.normalize("+49 151 2345678901234567890123456789")).isEmpty();
	}

}
