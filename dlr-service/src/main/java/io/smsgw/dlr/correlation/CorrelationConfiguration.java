package io.smsgw.dlr.correlation;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.dlr.config.DlrProperties;
import io.smsgw.dlr.publish.DlrMetrics;
import io.smsgw.dlr.publish.StatusPublisher;

/**
 * Wires correlation: the JDBC stores, the correlator, the listeners, the status publisher and
 * the sweeps.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CorrelationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DlrMetrics dlrMetrics(MeterRegistry registry) {
		return new DlrMetrics(registry);
	}

	@Bean
	MessageStore messageStore(JdbcTemplate jdbc, DlrProperties properties) {
		return new MessageStore(jdbc, properties.expiry().defaultValidity());
	}

	@Bean
	ReceiptStore receiptStore(JdbcTemplate jdbc) {
		return new ReceiptStore(jdbc);
	}

	@Bean
	Correlator correlator(MessageStore messages, ReceiptStore receipts, PlatformTransactionManager transactions,
			StatusPublisher publisher) {
		return new Correlator(messages, receipts, new TransactionTemplate(transactions), publisher);
	}

	@Bean
	StatusPublisher statusPublisher(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			KafkaOperations<String, Object> kafka, DlrProperties properties, DlrMetrics metrics) {
		return new StatusPublisher(jdbc, new TransactionTemplate(transactions), kafka, properties.publishTimeout(),
				metrics);
	}

	@Bean
	DlrListeners dlrListeners(Correlator correlator, StatusPublisher publisher, DlrMetrics metrics) {
		return new DlrListeners(correlator, publisher, metrics);
	}

	@Bean
	PendingReceiptSweeper pendingReceiptSweeper(ReceiptStore receipts, StatusPublisher publisher, DlrMetrics metrics,
			DlrProperties properties, Clock clock) {
		return new PendingReceiptSweeper(receipts, publisher, metrics, properties.pendingReceiptTtl(),
				properties.republishAfter(), clock);
	}

	@Bean
	ExpirySweeper expirySweeper(Correlator correlator, StatusPublisher publisher, DlrMetrics metrics,
			DlrProperties properties, Clock clock) {
		return new ExpirySweeper(correlator, publisher, metrics, properties.expiry(), clock);
	}

}
