package io.smsgw.smpp.cloudhopper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.retry.Retry;

import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.smpp.link.SubmitRate;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.submit.CommandStatus;
import io.smsgw.smpp.submit.PartResult;
import io.smsgw.smpp.submit.SubmitOutcomes;
import io.smsgw.smpp.submit.SubmitPart;
import io.smsgw.smpp.submit.SubmitPlanner;

/**
 * One SMSC connection as a connector: its binds, submits spread round-robin over the transmitting
 * ones that are up, paced by the connection's {@link SubmitRate}. A throttled part slows the
 * connection down and is tried again a few times before the message is handed back for a
 * requeue; a part with a transient error is retried with backoff (Resilience4j).
 */
final class SmppConnector implements SmsConnector {

	private final String id;

	private final List<BindLink> links;

	private final List<BindLink> transmitters;

	private final SubmitPlanner planner;

	private final String serviceType;

	private final SubmitRate rate;

	private final Retries retries;

	private final SmppMetrics metrics;

	private final Clock clock;

	private final AtomicInteger next = new AtomicInteger();

	/**
	 * How parts are tried again.
	 *
	 * @param throttleRetries tries again of a throttled part
	 * @param throttleRetryDelay pause before such a try, times the try
	 * @param transientRetry the Resilience4j retry of transient errors
	 * @param requeueWhenExhausted requeue (rather than fail) after the transient retries
	 * @param scheduler where tries again run (may block on the rate and the window)
	 */
	record Retries(int throttleRetries, Duration throttleRetryDelay, Retry transientRetry,
			boolean requeueWhenExhausted, ScheduledExecutorService scheduler) {
	}

	SmppConnector(String id, List<BindLink> links, SubmitPlanner planner, String serviceType, SubmitRate rate,
			Retries retries, SmppMetrics metrics, Clock clock) {
		this.id = id;
		this.links = List.copyOf(links);
		this.transmitters = links.stream().filter(BindLink::transmits).toList();
		this.planner = planner;
		this.serviceType = serviceType;
		this.rate = rate;
		this.retries = retries;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public String id() {
		return this.id;
	}

	List<BindLink> bindLinks() {
		return this.links;
	}

	SubmitRate rate() {
		return this.rate;
	}

	@Override
	public CompletionStage<DispatchOutcome> dispatch(DispatchRequest request) {
		if (request.validUntil() != null && !request.validUntil().isAfter(this.clock.instant())) {
			return CompletableFuture.completedFuture(new DispatchOutcome.Failed("VALIDITY_EXPIRED",
					"validity ended at " + request.validUntil() + " before it could be sent", false));
		}
		List<SubmitPart> parts;
		try {
			parts = this.planner.plan(request);
		}
		catch (MessageTooLongException ex) {
			return CompletableFuture.completedFuture(
					new DispatchOutcome.Failed(CommandStatus.code(0x01), ex.getMessage(), false));
		}
		catch (RuntimeException ex) {
			return CompletableFuture
				.completedFuture(new DispatchOutcome.Failed("INVALID_MESSAGE", ex.getMessage(), false));
		}
		// checked without pick(), which would advance the round robin and keep every message on one bind
		if (this.transmitters.stream().noneMatch(BindLink::isBound)) {
			return CompletableFuture.completedFuture(new DispatchOutcome.Requeue("no bind up"));
		}
		List<CompletableFuture<PartResult>> results = new ArrayList<>(parts.size());
		for (SubmitPart part : parts) {
			results.add(this.retries.transientRetry()
				.executeCompletionStage(this.retries.scheduler(), () -> send(part, 0))
				.toCompletableFuture());
		}
		return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			DispatchOutcome outcome = SubmitOutcomes.combine(results.stream().map(CompletableFuture::join).toList());
			if (outcome instanceof DispatchOutcome.Failed failed && failed.retriable()
					&& this.retries.requeueWhenExhausted()) {
				return new DispatchOutcome.Requeue(failed.reason() + " after retries");
			}
			return outcome;
		});
	}

	private CompletableFuture<PartResult> send(SubmitPart part, int attempt) {
		BindLink link = pick();
		if (link == null) {
			return CompletableFuture.completedFuture(PartResult.unanswered(part.partNumber(), "no bind up"));
		}
		try {
			this.rate.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CompletableFuture.completedFuture(PartResult.unanswered(part.partNumber(), "interrupted"));
		}
		return link.submit(SubmitPdus.toPdu(part, this.serviceType), part.partNumber()).thenCompose((result) -> {
			Integer status = result.commandStatus();
			if (status == null || CommandStatus.classify(status) != CommandStatus.Verdict.REQUEUE) {
				return CompletableFuture.completedFuture(result);
			}
			if (status == 0x58 || status == 0x14) {
				this.rate.throttled();
				this.metrics.throttled();
			}
			if (attempt >= this.retries.throttleRetries()) {
				return CompletableFuture.completedFuture(result);
			}
			long pause = this.retries.throttleRetryDelay().toMillis() * (attempt + 1);
			Executor later = CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, this.retries.scheduler());
			return CompletableFuture.supplyAsync(() -> part, later).thenCompose((p) -> send(p, attempt + 1));
		});
	}

	private BindLink pick() {
		int size = this.transmitters.size();
		if (size == 0) {
			return null;
		}
		int start = Math.floorMod(this.next.getAndIncrement(), size);
		for (int i = 0; i < size; i++) {
			BindLink link = this.transmitters.get((start + i) % size);
			if (link.isBound()) {
				return link;
			}
		}
		return null;
	}

	/**
	 * Binds up out of configured: the transmitting binds, which decide whether the connection can
	 * send (all binds of a receive-only connection).
	 */
	@Override
	public LinkCount links() {
		List<BindLink> counted = this.transmitters.isEmpty() ? this.links : this.transmitters;
		int up = (int) counted.stream().filter(BindLink::isBound).count();
		return new LinkCount(up, counted.size());
	}

}
