package io.smsgw.common.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void internationalAndNationalFormsBecomeE164() {
		assertThat(PhoneNumbers.toE164("+49 151 23456789", null)).contains("+4915123456789");
		assertThat(PhoneNumbers.toE164("0049 151 23456789", null)).contains("+4915123456789");
		assertThat(PhoneNumbers.toE164("0151 23456789", "DE")).contains("+4915123456789");
		assertThat(PhoneNumbers.toE164("(415) 555-2671", "US")).contains("+14155552671");
	}

	@Test
	void invalidNumbersAreRefused() {
		assertThat(PhoneNumbers.toE164("0151 23456789", null)).isEmpty();
		assertThat(PhoneNumbers.toE164("+49 12", null)).isEmpty();
		assertThat(PhoneNumbers.toE164("hello", "DE")).isEmpty();
		assertThat(PhoneNumbers.toE164("", "DE")).isEmpty();
		assertThat(PhoneNumbers.regionOf("+4915123456789")).isEqualTo("DE");
	}

}
