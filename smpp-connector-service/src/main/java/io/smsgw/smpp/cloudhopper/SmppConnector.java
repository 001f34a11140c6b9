package io.smsgw.smpp.cloudhopper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.smpp.submit.CommandStatus;
import io.smsgw.smpp.submit.PartResult;
import io.smsgw.smpp.submit.SubmitOutcomes;
import io.smsgw.smpp.submit.SubmitPart;
import io.smsgw.smpp.submit.SubmitPlanner;

/**
 * One SMSC connection as a connector: its binds, round-robin between the ones up. A message's
 * parts go out asynchronously; a throttled part is tried again on this connection a few times
 * before the message is handed back for a requeue.
 */
final class SmppConnector implements SmsConnector {

	private final String id;

	private final List<BindLink> links;

	private final SubmitPlanner planner;

	private final String serviceType;

	private final int throttleRetries;

	private final Duration throttleRetryDelay;

	private final Executor retryExecutor;

	private final AtomicInteger next = new AtomicInteger();

	SmppConnector(String id, List<BindLink> links, SubmitPlanner planner, String serviceType, int throttleRetries,
			Duration throttleRetryDelay, Executor retryExecutor) {
		this.id = id;
		this.links = List.copyOf(links);
		this.planner = planner;
		this.serviceType = serviceType;
		this.throttleRetries = throttleRetries;
		this.throttleRetryDelay = throttleRetryDelay;
		this.retryExecutor = retryExecutor;
	}

	@Override
	public String id() {
		return this.id;
	}

	List<BindLink> bindLinks() {
		return this.links;
	}

	@Override
	public CompletionStage<DispatchOutcome> dispatch(DispatchRequest request) {
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
		if (pick() == null) {
			return CompletableFuture.completedFuture(new DispatchOutcome.Requeue("no bind up"));
		}
		List<CompletableFuture<PartResult>> results = new ArrayList<>(parts.size());
		for (SubmitPart part : parts) {
			results.add(send(part, 0));
		}
		return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
			.thenApply((done) -> SubmitOutcomes.combine(results.stream().map(CompletableFuture::join).toList()));
	}

	private CompletableFuture<PartResult> send(SubmitPart part, int attempt) {
		BindLink link = pick();
		if (link == null) {
			return CompletableFuture.completedFuture(PartResult.unanswered(part.partNumber(), "no bind up"));
		}
		return link.submit(SubmitPdus.toPdu(part, this.serviceType), part.partNumber()).thenCompose((result) -> {
			boolean throttled = result.commandStatus() != null
					&& CommandStatus.classify(result.commandStatus()) == CommandStatus.Verdict.REQUEUE;
			if (!throttled || attempt >= this.throttleRetries) {
				return CompletableFuture.completedFuture(result);
			}
			long pause = this.throttleRetryDelay.toMillis() * (attempt + 1);
			Executor later = CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, this.retryExecutor);
			return CompletableFuture.supplyAsync(() -> part, later).thenCompose((p) -> send(p, attempt + 1));
		});
	}

	private BindLink pick() {
		int size = this.links.size();
		int start = Math.floorMod(this.next.getAndIncrement(), size);
		for (int i = 0; i < size; i++) {
			BindLink link = this.links.get((start + i) % size);
			if (link.isBound()) {
				return link;
			}
		}
		return null;
	}

	@Override
	public LinkCount links() {
		int up = (int) this.links.stream().filter(BindLink::isBound).count();
		return new LinkCount(up, this.links.size());
	}

}
