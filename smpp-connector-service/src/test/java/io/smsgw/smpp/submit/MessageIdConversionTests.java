package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdConversionTests {

	@Test
	void decimalReceiptIdsMeetHexResponseIds() {
		assertThat(MessageIdConversion.DECIMAL_TO_HEX.apply("0123456789")).isEqualTo("75bcd15")
			.isEqualTo(MessageIds.normalise("075BCD15"));
	}

	@Test
	void hexReceiptIdsMeetDecimalResponseIds() {
		assertThat(MessageIdConversion.HEX_TO_DECIMAL.apply("00075BCD15")).isEqualTo("123456789")
			.isEqualTo(MessageIds.normalise("0000123456789"));
	}

	@Test
	void leavesIdsThatAreNoNumberInThatBaseAsTheyAre() {
		assertThat(MessageIdConversion.DECIMAL_TO_HEX.apply("ABC-1")).isEqualTo("abc-1");
		assertThat(MessageIdConversion.HEX_TO_DECIMAL.apply("xyz")).isEqualTo("xyz");
		assertThat(MessageIdConversion.NONE.apply(" 00Ab ")).isEqualTo("ab");
		assertThat(MessageIdConversion.DECIMAL_TO_HEX.apply(null)).isNull();
	}

}
