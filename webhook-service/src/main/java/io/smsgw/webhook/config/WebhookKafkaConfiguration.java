package io.smsgw.webhook.config;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.SmsKafkaAutoConfiguration;
import io.smsgw.common.kafka.SmsKafkaProperties;
import io.smsgw.webhook.status.DeliveryAbandonedException;

/**
 * This service's Kafka error handler, replacing the shared one (which retries 3 times quickly):
 * a callback to retry pauses its partition for as long as the retry policy says, with no limit on
 * the number of passes (the policy's total time decides); a given-up callback goes straight to
 * {@code <topic>-dlt}; any other failure gets the shared quick retries, then the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class WebhookKafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookKafkaConfiguration.class);

	@Bean
	PartitionPausingBackOffHandler partitionPausingBackOffHandler() {
		return new PartitionPausingBackOffHandler();
	}

	@Bean
	DefaultErrorHandler webhookErrorHandler(KafkaOperations<Object, Object> kafka, SmsKafkaProperties properties,
			PartitionPausingBackOffHandler backOffHandler) {
		DeadLetterPublishingRecoverer recoverer = SmsKafkaAutoConfiguration.deadLetterRecoverer(kafka);
		ExponentialBackOff quick = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
		quick.setMaxAttempts(properties.retryAttempts());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, quick, backOffHandler);
		handler.setBackOffFunction((record, ex) -> (PartitionPausingBackOffHandler.retryLater(ex) != null)
				? new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
		handler.addNotRetryableExceptions(DeliveryAbandonedException.class);
		handler.setLogLevel(KafkaException.Level.DEBUG);
		handler.setRetryListeners(new LoggingRetryListener());
		return handler;
	}

	/** Logs failures the delivery code did not already log (it logs retries and abandons itself). */
	private static final class LoggingRetryListener implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
			if (PartitionPausingBackOffHandler.retryLater(ex) == null && !abandoned(ex)) {
				log.warn("Record {}-{}@{} failed (attempt {})", record.topic(), record.partition(), record.offset(),
						deliveryAttempt, ex);
			}
		}

		@Override
		public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
			log.warn("Record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(), record.offset(),
					record.key(), Topics.deadLetter(record.topic()), rootMessage(ex));
		}

		private static boolean abandoned(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DeliveryAbandonedException) {
					return true;
				}
			}
			return false;
		}

		private static String rootMessage(Throwable ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return root.getMessage();
		}

	}

}
