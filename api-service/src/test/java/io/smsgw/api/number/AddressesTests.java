package io.smsgw.api.number;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and short codes as operators enter them and as connectors report them.
 */
class AddressesTests {

	@Test
	void operatorsEnterShortCodesOrInternationalNumbers() {
		assertThat(Addresses.parse("12345")).hasValueSatisfying((a) -> assertThat(a.kind()).isEqualTo("SHORT_CODE"));
		assertThat(Addresses.parse("+49 151 23456789")).hasValueSatisfying((a) -> {
			assertThat(a.value()).isEqualTo("+4915123456789");
			assertThat(a.kind()).isEqualTo("LONG_NUMBER");
		});
		assertThat(Addresses.parse("004915123456789")).hasValueSatisfying(
				(a) -> assertThat(a.value()).isEqualTo("+4915123456789"));
		assertThat(Addresses.parse("015123456789")).isEmpty();
		assertThat(Addresses.parse("12")).isEmpty();
		assertThat(Addresses.parse("abc")).isEmpty();
	}

	@Test
	void reportedDestinationsAreTriedAsGivenThenAsE164() {
		assertThat(Addresses.candidates("4915123456789")).containsExactly("4915123456789", "+4915123456789");
		assertThat(Addresses.candidates("+4915123456789")).containsExactly("+4915123456789");
		assertThat(Addresses.candidates("12345")).containsExactly("12345");
		assertThat(Addresses.candidates(" ")).isEmpty();
	}

}
