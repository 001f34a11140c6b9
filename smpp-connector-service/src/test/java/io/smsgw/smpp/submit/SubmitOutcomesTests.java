package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.MessageSent.SentPart;

class SubmitOutcomesTests {

	@Test
	void sentOnlyWhenEveryPartWasAccepted() {
		DispatchOutcome outcome = SubmitOutcomes
			.combine(List.of(PartResult.answered(2, 0, "000B"), PartResult.answered(1, 0, "000A")));
		assertThat(outcome).isEqualTo(new DispatchOutcome.Sent(List.of(new SentPart(1, "a"), new SentPart(2, "b"))));
	}

	@Test
	void throttledOrUnansweredPartsRequeue() {
		assertThat(SubmitOutcomes.combine(List.of(PartResult.answered(1, 0, "a"), PartResult.answered(2, 0x58, null))))
			.isInstanceOf(DispatchOutcome.Requeue.class);
		assertThat(SubmitOutcomes.combine(List.of(PartResult.unanswered(1, "no bind up"))))
			.isEqualTo(new DispatchOutcome.Requeue("no bind up"));
	}

	@Test
	void permanentFailureWinsOverTransientAndRequeue() {
		DispatchOutcome outcome = SubmitOutcomes.combine(List.of(PartResult.answered(1, 0x58, null),
				PartResult.answered(2, 0x08, null), PartResult.answered(3, 0x0B, null)));
		assertThat(outcome).isInstanceOfSatisfying(DispatchOutcome.Failed.class, (failed) -> {
			assertThat(failed.errorCode()).isEqualTo("0x0000000B");
			assertThat(failed.retriable()).isFalse();
			assertThat(failed.reason()).contains("ESME_RINVDSTADR", "part 3 of 3");
		});
	}

	@Test
	void transientFailureIsRetriable() {
		DispatchOutcome outcome = SubmitOutcomes.combine(List.of(PartResult.answered(1, 0x08, null)));
		assertThat(outcome).isEqualTo(new DispatchOutcome.Failed("0x00000008", "ESME_RSYSERR on part 1 of 1", true));
	}

}
