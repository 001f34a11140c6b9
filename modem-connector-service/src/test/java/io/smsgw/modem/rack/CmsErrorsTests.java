package io.smsgw.modem.rack;

import org.junit.jupiter.api.Test;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.modem.at.FinalResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retriable / permanent table of modem errors.
 */
class CmsErrorsTests {

	@Test
	void networkTroubleIsRetriable() {
		assertThat(CmsErrors.meaning("38").retriable()).isTrue();
		assertThat(CmsErrors.meaning("42").retriable()).isTrue();
		assertThat(CmsErrors.meaning("332").retriable()).isTrue();
	}

	@Test
	void refusalsOfTheMessageOrRecipientArePermanent() {
		assertThat(CmsErrors.meaning("1").retriable()).isFalse();
		assertThat(CmsErrors.meaning("21").retriable()).isFalse();
		assertThat(CmsErrors.meaning("28").retriable()).isFalse();
		assertThat(CmsErrors.meaning("304").retriable()).isFalse();
	}

	@Test
	void simTroubleIsTheModemsFault() {
		assertThat(CmsErrors.meaning("310").modemFault()).isTrue();
		assertThat(CmsErrors.meaning("331").modemFault()).isTrue();
		assertThat(CmsErrors.meaning("38").modemFault()).isFalse();
		assertThat(CmsErrors.isModemFault(new FinalResult(FinalResult.Kind.CME_ERROR, "10"))).isTrue();
	}

	@Test
	void unknownCodesAreRetriable() {
		assertThat(CmsErrors.meaning("777")).isEqualTo(new CmsErrors.Meaning("unknown error 777", true, false));
		assertThat(CmsErrors.meaning("SIM busy").retriable()).isTrue();
	}

	@Test
	void failedOutcomesCarryTheCode() {
		assertThat(CmsErrors.failed(new FinalResult(FinalResult.Kind.CMS_ERROR, "42")))
			.isEqualTo(new DispatchOutcome.Failed("CMS:42", "congestion", true));
		assertThat(CmsErrors.failed(new FinalResult(FinalResult.Kind.CME_ERROR, "10")).errorCode()).isEqualTo("CME:10");
		assertThat(CmsErrors.failed(new FinalResult(FinalResult.Kind.ERROR, "")).errorCode()).isEqualTo("ERROR");
	}

}
