package io.smsgw.router.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smsgw.common.event.ConnectorHealth;
import io.smsgw.router.routing.ConnectorStatus;

/**
 * The latest health report of each connector instance. A connector is down when it has fresh
 * reports and every one of them says no link is up; without a fresh report it counts as up, so a
 * silent connector is never taken out of routing on old news.
 */
public class HealthTracker implements ConnectorStatus {

	private final Map<String, Map<String, ConnectorHealth>> latest = new ConcurrentHashMap<>();

	private final Duration staleness;

	private final Clock clock;

	public HealthTracker(Duration staleness, Clock clock) {
		this.staleness = staleness;
		this.clock = clock;
	}

	/** Keeps a report unless a newer one of the same instance is already known. */
	public void report(ConnectorHealth health) {
		if (health.connectorId() == null || health.at() == null) {
			return;
		}
		String instance = (health.instanceId() != null) ? health.instanceId() : "";
		this.latest.computeIfAbsent(health.connectorId(), (id) -> new ConcurrentHashMap<>())
			.merge(instance, health, (old, fresh) -> fresh.at().isBefore(old.at()) ? old : fresh);
	}

	@Override
	public boolean isDown(String connectorId) {
		Map<String, ConnectorHealth> instances = this.latest.get(connectorId);
		if (instances == null) {
			return false;
		}
		Instant freshSince = this.clock.instant().minus(this.staleness);
		boolean anyFresh = false;
		for (ConnectorHealth health : instances.values()) {
			if (health.at().isAfter(freshSince)) {
				if (health.isUp()) {
					return false;
				}
				anyFresh = true;
			}
		}
		return anyFresh;
	}

}
