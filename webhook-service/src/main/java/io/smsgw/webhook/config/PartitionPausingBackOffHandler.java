package io.smsgw.webhook.config;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.smsgw.webhook.status.RetryLaterException;

/**
 * Waits out a {@link RetryLaterException} by pausing only the record's partition for the delay
 * the exception asks for (the consumer keeps polling, so long waits never exceed
 * {@code max.poll.interval.ms}); any other failure gets the usual short in-thread back-off.
 * Owns the one-thread scheduler that resumes partitions (kept out of the context so that it is
 * not mistaken for the application's task executor).
 */
class PartitionPausingBackOffHandler implements BackOffHandler, DisposableBean {

	private final ThreadPoolTaskScheduler scheduler;

	private final ListenerContainerPauseService pauser;

	private final DefaultBackOffHandler sleeper = new DefaultBackOffHandler();

	PartitionPausingBackOffHandler() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("webhook-resume-");
		this.scheduler.initialize();
		this.pauser = new ListenerContainerPauseService(null, this.scheduler);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

	@Override
	public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
		RetryLaterException retry = retryLater(exception);
		if (retry != null && container != null) {
			this.pauser.pausePartition(container, retry.partition(), retry.delay());
		}
		else {
			this.sleeper.onNextBackOff(container, exception, nextBackOff);
		}
	}

	/** The {@link RetryLaterException} in an exception's cause chain, or {@code null}. */
	static RetryLaterException retryLater(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof RetryLaterException) {
				return (RetryLaterException) cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
