package io.smsgw.common.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer settings every service gets, and what an operator can change with spring.kafka.producer.*. */
class ProducerDefaultsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(KafkaAutoConfiguration.class, SmsKafkaAutoConfiguration.class))
		.withPropertyValues("spring.kafka.admin.auto-create=false");

	@Test
	void sendsAreDurableAndBatchedWithoutCompressionByDefault() {
		this.contexts.run((context) -> {
			var configs = context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties();
			assertThat(configs).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
				.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
				.containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class)
				.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
				.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
		});
	}

	@Test
	void anOperatorsBatchingSettingsWinButNotOverDurability() {
		this.contexts
			.withPropertyValues("spring.kafka.producer.compression-type=zstd", "spring.kafka.producer.acks=1",
					"spring.kafka.producer.properties.linger.ms=20")
			.run((context) -> {
				var configs = context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties();
				assertThat(configs).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
					.containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
					.containsEntry(ProducerConfig.ACKS_CONFIG, "all");
			});
	}

}
