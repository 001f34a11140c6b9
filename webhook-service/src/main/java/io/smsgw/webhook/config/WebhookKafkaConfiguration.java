package io.smsgw.webhook.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.smsgw.common.kafka.SmsKafkaAutoConfiguration;
import io.smsgw.common.kafka.SmsKafkaProperties;
import io.smsgw.webhook.status.DeliveryAbandonedException;

/**
 * This service's Kafka error handler, replacing the shared one: the listeners only write to the
 * database, so a database failure (usually an outage) is retried with backoff for up to
 * 5 minutes before the record goes to {@code <topic>-dlt}; an unusable event goes there at once;
 * anything else gets the shared quick retries.
 */
@Configuration(proxyBeanMethods = false)
class WebhookKafkaConfiguration {

	@Bean
	DefaultErrorHandler webhookErrorHandler(KafkaOperations<Object, Object> kafka, SmsKafkaProperties properties) {
		ExponentialBackOff quick = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
		quick.setMaxAttempts(properties.retryAttempts());
		DefaultErrorHandler handler = new DefaultErrorHandler(SmsKafkaAutoConfiguration.deadLetterRecoverer(kafka),
				quick);
		handler.setBackOffFunction((record, ex) -> {
			if (causeIs(ex, DataAccessException.class)) {
				ExponentialBackOff outage = new ExponentialBackOff(500, 2.0);
				outage.setMaxInterval(10_000);
				outage.setMaxElapsedTime(300_000);
				return outage;
			}
			return null;
		});
		handler.addNotRetryableExceptions(DeliveryAbandonedException.class);
		return handler;
	}

	private static boolean causeIs(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
