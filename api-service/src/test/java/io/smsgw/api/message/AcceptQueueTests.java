package io.smsgw.api.message;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.message.GroupWriter.Send;
import io.smsgw.api.suppression.RecipientSuppressedException;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.web.ServiceBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accept queue without a database: natural batching (a group is what waited while the
 * previous one was stored), answers only after the group is done, a full or stopped queue
 * answered 503, and each send's own refusal passed to its request.
 */
class AcceptQueueTests {

	private static final Tenant TENANT = new Tenant("t", "T", null, Instant.now());

	private final ExecutorService requests = Executors.newCachedThreadPool();

	private final RecordingWriter writer = new RecordingWriter();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private AcceptQueue queue;

	@AfterEach
	void stop() {
		this.writer.release.countDown();
		if (this.queue != null) {
			this.queue.stop();
		}
		this.requests.shutdownNow();
	}

	@Test
	void aGroupIsWhatWaitedWhileThePreviousOneWasStored() throws Exception {
		start(100, 1);
		Future<?> first = this.requests.submit(() -> this.queue.store(TENANT, null));
		assertThat(this.writer.entered.await(5, TimeUnit.SECONDS)).isTrue();
		List<Future<?>> next = List.of(submit(), submit(), submit(), submit(), submit());
		awaitQueued(5);
		assertThat(first.isDone()).as("answered before its group is stored").isFalse();

		this.writer.release.countDown();

		first.get(5, TimeUnit.SECONDS);
		for (Future<?> request : next) {
			request.get(5, TimeUnit.SECONDS);
		}
		assertThat(this.writer.groups).containsExactly(1, 5);
	}

	@Test
	void aFullQueueIsAnswered503AndNothingIsStored() throws Exception {
		start(2, 1);
		submit();
		assertThat(this.writer.entered.await(5, TimeUnit.SECONDS)).isTrue();
		submit();
		submit();
		awaitQueued(2);

		assertThatThrownBy(() -> this.queue.store(TENANT, null)).isInstanceOf(ServiceBusyException.class)
			.satisfies((ex) -> assertThat(((ServiceBusyException) ex).retryAfterSeconds()).isEqualTo(1));
		this.writer.release.countDown();
		this.queue.stop();
		assertThat(this.writer.groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
	}

	@Test
	void aStoppedQueueRefusesWithoutStoring() {
		start(10, 1);
		this.queue.stop();

		assertThatThrownBy(() -> this.queue.store(TENANT, null)).isInstanceOf(ServiceBusyException.class);
		assertThat(this.writer.groups).isEmpty();
	}

	@Test
	void aSendGetsItsOwnRefusal() {
		this.writer.refuse = true;
		this.writer.release.countDown();
		start(10, 2);

		assertThatThrownBy(() -> this.queue.store(TENANT, null))
			.isInstanceOf(RecipientSuppressedException.class);
	}

	private void start(int capacity, int writers) {
		ApiProperties properties = new ApiProperties(null, null, null, null, null, null, null, null,
				new ApiProperties.Intake(true, 100, capacity, writers));
		this.queue = new AcceptQueue(this.writer, properties, this.meters);
		this.queue.start();
	}

	private Future<?> submit() {
		return this.requests.submit(() -> this.queue.store(TENANT, null));
	}

	private void awaitQueued(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.meters.get("sms.intake.queue").gauge().value() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.meters.get("sms.intake.queue").gauge().value()).isEqualTo(count);
	}

	/** A writer that records group sizes; the first group waits for {@link #release}. */
	private static final class RecordingWriter extends GroupWriter {

		final List<Integer> groups = new CopyOnWriteArrayList<>();

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile boolean refuse;

		RecordingWriter() {
			super(null, null, null, null, null, null);
		}

		@Override
		void write(List<Send> group) {
			this.groups.add(group.size());
			this.entered.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (Send send : group) {
				if (this.refuse) {
					send.done().completeExceptionally(new RecipientSuppressedException("+4915100000000"));
				}
				else {
					send.done().complete(null);
				}
			}
		}

	}

}
