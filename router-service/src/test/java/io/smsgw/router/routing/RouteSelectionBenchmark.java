package io.smsgw.router.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route selection over a table of 100,000 prefix routes (a tenth of them also filtered by tenant,
 * a quarter of them groups with a strategy): the cost of choosing the route of one message.
 * Run: see docs/router-service.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class RouteSelectionBenchmark {

	private static final String[] COUNTRY_CODES = { "1", "44", "49", "33", "39", "34", "31", "91", "86", "7", "55",
			"61", "81", "234", "254", "971", "966", "380", "48", "420" };

	private RoutingTable table;

	private RouteQuery[] queries;

	private int next;

	@Setup
	public void setUp() {
		Random random = new Random(42);
		List<Connector> connectors = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			connectors.add(new Connector("c" + i, Connector.Kind.SMPP, null, true));
		}
		List<Route> routes = new ArrayList<>();
		routes.add(new Route(0, "default", 0, true, RouteFilters.ANY, Strategy.FAILOVER,
				List.of(new RouteMember("c0", 1, null))));
		Set<String> prefixes = new HashSet<>();
		while (prefixes.size() < 100_000) {
			String prefix = COUNTRY_CODES[random.nextInt(COUNTRY_CODES.length)] + digits(random, 2 + random.nextInt(5));
			if (prefixes.add(prefix)) {
				String tenant = (random.nextInt(10) == 0) ? "tenant-" + random.nextInt(100) : null;
				Strategy strategy = Strategy.values()[random.nextInt(Strategy.values().length)];
				int size = (random.nextInt(4) == 0) ? 3 : 1;
				List<RouteMember> members = new ArrayList<>();
				for (int m = 0; m < size; m++) {
					members.add(new RouteMember("c" + random.nextInt(50), 1 + random.nextInt(5),
							BigDecimal.valueOf(random.nextInt(1000), 4)));
				}
				routes.add(new Route(prefixes.size(), "r" + prefixes.size(), random.nextInt(10), false,
						new RouteFilters(tenant, prefix, null, null, null, null, null), strategy, members));
			}
		}
		this.table = RoutingTable.of(1, connectors, routes);
		this.queries = new RouteQuery[4096];
		for (int i = 0; i < this.queries.length; i++) {
			String to = "+" + COUNTRY_CODES[random.nextInt(COUNTRY_CODES.length)] + digits(random, 9);
			this.queries[i] = new RouteQuery("tenant-" + random.nextInt(100), to, "ACME");
		}
	}

	@Benchmark
	public Selection select() {
		RouteQuery query = this.queries[this.next++ & (this.queries.length - 1)];
		return this.table.select(query, ConnectorStatus.ALL_UP);
	}

	private static String digits(Random random, int count) {
		StringBuilder digits = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.toString();
	}

}
