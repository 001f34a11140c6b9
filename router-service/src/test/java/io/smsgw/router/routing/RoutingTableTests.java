package io.smsgw.router.routing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTableTests {

	private static final List<Connector> CONNECTORS = List.of(connector("a", true), connector("b", true),
			connector("c", true), connector("off", false), connector("fallback", true));

	private static final Route DEFAULT = new Route(1, "default", 0, true, RouteFilters.ANY, Strategy.FAILOVER,
			List.of(member("fallback", 1, null)));

	@Test
	void longestPrefixWinsThenPriorityThenRoutesWithoutPrefixThenDefault() {
		RoutingTable table = table(route(2, 10, RouteFilters.prefix("49"), "a"), route(3, 10, RouteFilters.prefix("4917"), "b"),
				route(4, 5, RouteFilters.prefix("4917"), "c"), route(5, 1, new RouteFilters("t2", null, null, null, null, null, null), "a"));

		assertThat(first(table, query("+4917612345678"))).isEqualTo("c");
		assertThat(first(table, query("+49301234567"))).isEqualTo("a");
		assertThat(first(table, new RouteQuery("t2", "+15551234567", "ACME"))).isEqualTo("a");
		assertThat(first(table, query("+15551234567"))).isEqualTo("fallback");
		assertThat(table.select(query("not-a-number"), ConnectorStatus.ALL_UP).found()).isFalse();
	}

	@Test
	void tenantFilter() {
		RoutingTable table = table(route(2, 1, new RouteFilters("t1", "44", null, null, null, null, null), "a"));
		assertThat(first(table, new RouteQuery("t1", "+447700900123", "X"))).isEqualTo("a");
		assertThat(first(table, new RouteQuery("t2", "+447700900123", "X"))).isEqualTo("fallback");
	}

	@Test
	void countryFilterUsesLibphonenumberRegions() {
		// +1 is shared: 416 is Canada, 212 the United States
		RoutingTable table = table(route(2, 1, new RouteFilters(null, "1", "CA", null, null, null, null), "a"));
		assertThat(first(table, query("+14165550123"))).isEqualTo("a");
		assertThat(first(table, query("+12125550123"))).isEqualTo("fallback");
	}

	@Test
	void numberTypeFilterTellsMobileFromFixedLine() {
		RoutingTable table = table(route(2, 1, new RouteFilters(null, "49", null, "MOBILE", null, null, null), "a"));
		assertThat(first(table, query("+4915123456789"))).isEqualTo("a");
		assertThat(first(table, query("+49301234567"))).isEqualTo("fallback");
	}

	@Test
	void senderPatternMustMatchTheWholeSenderId() {
		RoutingTable table = table(route(2, 1, new RouteFilters(null, null, null, null, "BANK[0-9]*", null, null), "a"));
		assertThat(first(table, new RouteQuery("t", "+447700900123", "BANK42"))).isEqualTo("a");
		assertThat(first(table, new RouteQuery("t", "+447700900123", "MYBANK42"))).isEqualTo("fallback");
		assertThat(first(table, new RouteQuery("t", "+447700900123", null))).isEqualTo("fallback");
	}

	@Test
	void messageTypeFilter() {
		RoutingTable table = table(
				route(2, 1, new RouteFilters(null, null, null, null, null, MessageType.MARKETING, null), "a"));
		assertThat(first(table, new RouteQuery("t", "+447700900123", "X", MessageType.MARKETING, null))).isEqualTo("a");
		assertThat(first(table, new RouteQuery("t", "+447700900123", "X", MessageType.TRANSACTIONAL, null)))
			.isEqualTo("fallback");
	}

	@Test
	void timeWindowOnWeekdaysAndAcrossMidnight() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		TimeWindow office = new TimeWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), berlin);
		TimeWindow night = new TimeWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), berlin);
		RoutingTable table = table(route(2, 1, new RouteFilters(null, null, null, null, null, null, office), "a"),
				route(3, 2, new RouteFilters(null, null, null, null, null, null, night), "b"));
		// Monday 2026-11-23 09:00 Berlin = 08:00 UTC
		assertThat(first(table, at("2026-11-23T08:00:00Z"))).isEqualTo("a");
		assertThat(first(table, at("2026-11-23T17:30:00Z"))).isEqualTo("fallback");
		// Friday 23:00 and Saturday 05:00 Berlin are in the night window, Saturday 07:00 is not
		assertThat(first(table, at("2026-11-27T22:00:00Z"))).isEqualTo("b");
		assertThat(first(table, at("2026-11-28T04:00:00Z"))).isEqualTo("b");
		assertThat(first(table, at("2026-11-28T06:00:00Z"))).isEqualTo("fallback");
	}

	@Test
	void failoverGroupKeepsTheListedOrderAndSkipsDisabledConnectors() {
		RoutingTable table = table(group(2, Strategy.FAILOVER, member("off", 1, null), member("b", 1, null),
				member("a", 1, null)));
		assertThat(candidates(table, query("+447700900123"), ConnectorStatus.ALL_UP)).containsExactly("b", "a");
	}

	@Test
	void weightedGroupSharesTrafficByWeight() {
		RoutingTable table = table(group(2, Strategy.WEIGHTED, member("a", 3, null), member("b", 1, null)));
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 400; i++) {
			counts.merge(first(table, query("+447700900123")), 1, Integer::sum);
		}
		assertThat(counts).containsEntry("a", 300).containsEntry("b", 100);
		assertThat(candidates(table, query("+447700900123"), ConnectorStatus.ALL_UP)).hasSize(2).contains("a", "b");
	}

	@Test
	void leastCostGroupPicksTheCheapestAndRecordsItsPrice() {
		RoutingTable table = table(group(2, Strategy.LEAST_COST, member("a", 1, new BigDecimal("0.050")),
				member("b", 1, null), member("c", 1, new BigDecimal("0.031"))));
		Selection selection = table.select(query("+447700900123"), ConnectorStatus.ALL_UP);
		assertThat(selection.candidates()).extracting(Candidate::connectorId).containsExactly("c", "a", "b");
		assertThat(selection.first().pricePerSegment()).isEqualByComparingTo("0.031");
	}

	@Test
	void connectorsReportedDownAreSkippedWhileAnotherIsUp() {
		RoutingTable table = table(group(2, Strategy.FAILOVER, member("a", 1, null), member("b", 1, null)));
		assertThat(candidates(table, query("+447700900123"), "a"::equals)).containsExactly("b");
		assertThat(candidates(table, query("+447700900123"), (id) -> true)).containsExactly("a", "b");
	}

	@Test
	void routeWithOnlyDisabledConnectorsGivesWayToTheNext() {
		RoutingTable table = table(route(2, 1, RouteFilters.prefix("44"), "off"));
		assertThat(first(table, query("+447700900123"))).isEqualTo("fallback");
	}

	@Test
	void noDefaultRouteAndNoMatchMeansNoRoute() {
		RoutingTable table = RoutingTable.of(1, CONNECTORS, List.of(route(2, 1, RouteFilters.prefix("44"), "a")));
		assertThat(table.select(query("+15551234567"), ConnectorStatus.ALL_UP).found()).isFalse();
	}

	@Test
	void explainListsEveryRouteConsideredWithTheReason() {
		RoutingTable table = table(route(2, 1, new RouteFilters("t9", "4477", null, null, null, null, null), "a"),
				route(3, 1, RouteFilters.prefix("44"), "b"));
		Explanation explanation = table.explain(query("+447700900123"), ConnectorStatus.ALL_UP);
		assertThat(explanation.selection().first().connectorId()).isEqualTo("b");
		assertThat(explanation.considered()).extracting(Explanation.Consideration::routeId,
				Explanation.Consideration::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "NOT_MATCHED"),
					org.assertj.core.groups.Tuple.tuple(3L, "SELECTED"),
					org.assertj.core.groups.Tuple.tuple(1L, "NOT_REACHED"));
		assertThat(explanation.considered().get(0).reason()).contains("tenant t is not t9");
	}

	private static RoutingTable table(Route... routes) {
		List<Route> all = new java.util.ArrayList<>(List.of(routes));
		all.add(DEFAULT);
		return RoutingTable.of(1, CONNECTORS, all);
	}

	private static Route route(long id, int priority, RouteFilters filters, String connector) {
		return new Route(id, "r" + id, priority, false, filters, Strategy.FAILOVER, List.of(member(connector, 1, null)));
	}

	private static Route group(long id, Strategy strategy, RouteMember... members) {
		return new Route(id, "g" + id, 1, false, RouteFilters.prefix("44"), strategy, List.of(members));
	}

	private static RouteMember member(String id, int weight, BigDecimal price) {
		return new RouteMember(id, weight, price);
	}

	private static Connector connector(String id, boolean enabled) {
		return new Connector(id, Connector.Kind.SMPP, null, enabled);
	}

	private static RouteQuery query(String to) {
		return new RouteQuery("t", to, "ACME");
	}

	private static RouteQuery at(String instant) {
		return new RouteQuery("t", "+447700900123", "ACME", null, Instant.parse(instant));
	}

	private static String first(RoutingTable table, RouteQuery query) {
		return table.select(query, ConnectorStatus.ALL_UP).first().connectorId();
	}

	private static List<String> candidates(RoutingTable table, RouteQuery query, ConnectorStatus status) {
		return table.select(query, status).candidates().stream().map(Candidate::connectorId).toList();
	}

}
