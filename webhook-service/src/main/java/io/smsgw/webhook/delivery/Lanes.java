package io.smsgw.webhook.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deliveries this instance claimed, one lane per endpoint (host and port): each waits in its
 * endpoint's lane until that endpoint has fewer than {@code perEndpoint} attempts in flight and the
 * instance fewer than {@code maxConcurrency}. A lane holding {@code laneCap} deliveries (waiting and in
 * flight) is full: its endpoint is not claimed until it drains, so a slow endpoint never fills the
 * instance with its backlog.
 */
final class Lanes {

	private final int perEndpoint;

	private final int maxConcurrency;

	private final int laneCap;

	private final Map<String, Lane> lanes = new HashMap<>();

	private int inFlight;

	private int held;

	Lanes(int perEndpoint, int maxConcurrency, int laneCap) {
		this.perEndpoint = perEndpoint;
		this.maxConcurrency = maxConcurrency;
		this.laneCap = laneCap;
	}

	/** Adds claimed deliveries to their lanes. */
	synchronized void add(List<Claimed> jobs) {
		for (Claimed job : jobs) {
			this.lanes.computeIfAbsent(job.endpoint(), (endpoint) -> new Lane()).waiting.add(job);
			this.held++;
		}
	}

	/** Takes the deliveries that may start now (counted in flight until {@link #finished}). */
	synchronized List<Claimed> startable() {
		List<Claimed> start = new ArrayList<>();
		boolean progress = true;
		while (progress && this.inFlight < this.maxConcurrency) {
			progress = false;
			for (Iterator<Lane> it = this.lanes.values().iterator(); it.hasNext() && this.inFlight < this.maxConcurrency;) {
				Lane lane = it.next();
				if (!lane.waiting.isEmpty() && lane.inFlight < this.perEndpoint) {
					start.add(lane.waiting.poll());
					lane.inFlight++;
					this.inFlight++;
					progress = true;
				}
			}
		}
		return start;
	}

	/** An attempt of this endpoint ended. */
	synchronized void finished(String endpoint) {
		Lane lane = this.lanes.get(endpoint);
		lane.inFlight--;
		this.inFlight--;
		this.held--;
		if (lane.inFlight == 0 && lane.waiting.isEmpty()) {
			this.lanes.remove(endpoint);
		}
	}

	/** Endpoints whose lane is full. */
	synchronized Set<String> full() {
		Set<String> full = new HashSet<>();
		this.lanes.forEach((endpoint, lane) -> {
			if (lane.waiting.size() + lane.inFlight >= this.laneCap) {
				full.add(endpoint);
			}
		});
		return full;
	}

	/** Deliveries held: waiting and in flight. */
	synchronized int held() {
		return this.held;
	}

	/** Removes and returns every waiting delivery (at shutdown). */
	synchronized List<Claimed> drainWaiting() {
		List<Claimed> waiting = new ArrayList<>();
		this.lanes.values().forEach((lane) -> {
			waiting.addAll(lane.waiting);
			this.held -= lane.waiting.size();
			lane.waiting.clear();
		});
		return waiting;
	}

	private static final class Lane {

		private final ArrayDeque<Claimed> waiting = new ArrayDeque<>();

		private int inFlight;

	}

}
