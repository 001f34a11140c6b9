package io.smsgw.benchmark;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a scenario's answers by HTTP status are judged and shown: 503 is allowed, 500 is a defect. */
class FaultTallyTests {

	@Test
	void answers500FailTheScenarioAnd503DoNot() {
		FaultTally unavailable = tally(Map.of("HTTP 503", 3));
		assertThat(unavailable.internalErrors()).isZero();
		assertThat(unavailable.problems()).isEmpty();
		assertThat(FaultRun.table(List.of(unavailable))).contains("| 3 HTTP 503 (0 × 500) |");

		FaultTally broken = tally(Map.of("HTTP 500", 2, "HTTP 503", 1));
		assertThat(broken.internalErrors()).isEqualTo(2);
		assertThat(broken.problems()).containsExactly("2 requests answered HTTP 500");
		assertThat(FaultRun.table(List.of(broken))).contains("(2 × 500)");
	}

	private static FaultTally tally(Map<String, Integer> refusals) {
		return new FaultTally("postgres-restart", "pg_ctl stop", 3.0, 10, 7, Map.of(), new java.util.TreeMap<>(refusals),
				7, 7, 0, 0, Map.of("delivered", 7), 14, 0, 0, 0, 0, Map.of(), 1.0, 300, true);
	}

}
