package io.smsgw.router.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders one route's group: enabled members only, by the route's strategy, then connectors
 * reported down move out of the way when at least one member is up.
 */
final class CandidateOrder {

	private static final Comparator<RouteMember> BY_PRICE = Comparator.comparing(RouteMember::pricePerSegment,
			Comparator.nullsLast(Comparator.naturalOrder()));

	private final Route route;

	private final List<RouteMember> usable;

	private final int totalWeight;

	private final AtomicLong turns = new AtomicLong();

	CandidateOrder(Route route, Map<String, Connector> connectors) {
		this.route = route;
		List<RouteMember> members = new ArrayList<>();
		for (RouteMember member : route.members()) {
			Connector connector = connectors.get(member.connectorId());
			if (connector != null && connector.enabled()) {
				members.add(member);
			}
		}
		if (route.strategy() == Strategy.LEAST_COST) {
			members.sort(BY_PRICE); // stable: ties keep the listed order
		}
		this.usable = List.copyOf(members);
		this.totalWeight = members.stream().mapToInt(RouteMember::weight).sum();
	}

	/** Whether any member is enabled. */
	boolean hasUsable() {
		return !this.usable.isEmpty();
	}

	/**
	 * The candidates, best first.
	 * @param advance whether to take a weighted round-robin turn ({@code false} for explain)
	 */
	List<Candidate> order(ConnectorStatus status, boolean advance) {
		List<RouteMember> ordered = this.usable;
		if (this.route.strategy() == Strategy.WEIGHTED && ordered.size() > 1) {
			ordered = weighted(advance ? this.turns.getAndIncrement() : this.turns.get());
		}
		List<Candidate> up = new ArrayList<>(ordered.size());
		List<Candidate> down = new ArrayList<>(0);
		for (RouteMember member : ordered) {
			boolean isDown = status.isDown(member.connectorId());
			(isDown ? down : up).add(new Candidate(member.connectorId(), member.pricePerSegment(), isDown));
		}
		return up.isEmpty() ? down : up;
	}

	private List<RouteMember> weighted(long turn) {
		long slot = Math.floorMod(turn, (long) this.totalWeight);
		int chosen = 0;
		for (long sum = 0; chosen < this.usable.size(); chosen++) {
			sum += this.usable.get(chosen).weight();
			if (slot < sum) {
				break;
			}
		}
		List<RouteMember> ordered = new ArrayList<>(this.usable.size());
		ordered.add(this.usable.get(chosen));
		for (int i = 0; i < this.usable.size(); i++) {
			if (i != chosen) {
				ordered.add(this.usable.get(i));
			}
		}
		return ordered;
	}

}
