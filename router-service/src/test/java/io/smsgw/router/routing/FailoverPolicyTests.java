package io.smsgw.router.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverPolicyTests {

	private final FailoverPolicy policy = new FailoverPolicy(2);

	@Test
	void permanentFailureIsFinal() {
		assertThat(this.policy.decide(false, 1, List.of("a", "b")))
			.isEqualTo(new FailoverPolicy.GiveUp("PERMANENT_FAILURE"));
	}

	@Test
	void retriableFailureTriesTheNextCandidate() {
		assertThat(this.policy.decide(true, 1, List.of("b"))).isEqualTo(new FailoverPolicy.TryNext("b", 2));
	}

	@Test
	void noCandidateLeftOrMaxAttemptsReachedMeansAllRoutesFailed() {
		assertThat(this.policy.decide(true, 1, List.of())).isEqualTo(new FailoverPolicy.GiveUp("ALL_ROUTES_FAILED"));
		assertThat(this.policy.decide(true, 2, List.of("c")))
			.isEqualTo(new FailoverPolicy.GiveUp("ALL_ROUTES_FAILED"));
	}

	@Test
	void messageHandedBackForWantOfALinkGoesToAnUpCandidateOrWaitsButNeverFails() {
		assertThat(this.policy.decideUnavailable(1, List.of("b"))).isEqualTo(new FailoverPolicy.TryNext("b", 2));
		assertThat(this.policy.decideUnavailable(1, List.of())).isEqualTo(new FailoverPolicy.Wait());
		assertThat(this.policy.decideUnavailable(2, List.of("c"))).isEqualTo(new FailoverPolicy.Wait());
	}

}
