package io.smsgw.router.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixRouteSelectorTests {

	private final PrefixRouteSelector selector = new PrefixRouteSelector(
			List.of(Map.entry("49", "de"), Map.entry("4917", "de-mobile"), Map.entry("4917", "ignored-tie")), "default");

	@Test
	void longestPrefixWinsAndFirstListedWinsATie() {
		assertThat(this.selector.candidates(query("+4917612345678"))).containsExactly("de-mobile");
		assertThat(this.selector.candidates(query("+49301234567"))).containsExactly("de");
	}

	@Test
	void unmatchedDestinationGoesToTheDefault() {
		assertThat(this.selector.candidates(query("+15551234567"))).containsExactly("default");
		assertThat(this.selector.candidates(query("15551234567"))).containsExactly("default");
	}

	@Test
	void destinationThatIsNotE164HasNoRoute() {
		assertThat(this.selector.candidates(query("hello"))).isEmpty();
		assertThat(this.selector.candidates(query("+0123456789"))).isEmpty();
		assertThat(this.selector.candidates(query(null))).isEmpty();
	}

	private static RouteQuery query(String to) {
		return new RouteQuery("tenant", to, "ACME");
	}

}
