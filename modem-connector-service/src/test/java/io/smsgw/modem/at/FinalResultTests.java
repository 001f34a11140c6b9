package io.smsgw.modem.at;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Final result codes.
 */
class FinalResultTests {

	@Test
	void parsesTheFinalResultCodes() {
		assertThat(FinalResult.parse("OK")).isEqualTo(new FinalResult(FinalResult.Kind.OK, ""));
		assertThat(FinalResult.parse("ERROR")).isEqualTo(new FinalResult(FinalResult.Kind.ERROR, ""));
		assertThat(FinalResult.parse("+CMS ERROR: 500")).isEqualTo(new FinalResult(FinalResult.Kind.CMS_ERROR, "500"));
		assertThat(FinalResult.parse("+CME ERROR: SIM busy"))
			.isEqualTo(new FinalResult(FinalResult.Kind.CME_ERROR, "SIM busy"));
		assertThat(FinalResult.parse("+CMGS: 12")).isNull();
		assertThat(FinalResult.parse("+CMS ERROR: 38")).hasToString("+CMS ERROR: 38");
	}

}
