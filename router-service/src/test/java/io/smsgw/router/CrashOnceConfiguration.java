package io.smsgw.router;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.router.dispatch.DispatchPublisher;

/** Makes the first dispatch of a marked message fail after it was published, like a crash before the commit. */
@TestConfiguration
public class CrashOnceConfiguration {

	/** The body that makes a dispatch fail once after publishing. */
	public static final String CRASH_ONCE = "crash-once-after-dispatch";

	/** A message body whose dispatch throws as a bug in routing code would. */
	public static final String BREAKS_ROUTING = "breaks-routing";

	@Bean
	static BeanPostProcessor crashOnceAfterDispatch(
			org.springframework.beans.factory.ObjectProvider<org.springframework.kafka.core.KafkaOperations<?, ?>> kafka) {
		Set<UUID> crashed = ConcurrentHashMap.newKeySet();
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DispatchPublisher real)) {
					return bean;
				}
				return new DispatchPublisher() {
					@Override
					public void dispatch(DispatchRequest request) {
						if (BREAKS_ROUTING.equals(request.body())) {
							throw new IllegalStateException("Simulated bug in routing code");
						}
						real.dispatch(request);
						if (CRASH_ONCE.equals(request.body()) && crashed.add(request.messageId())) {
							kafka.getObject().flush(); // the record reaches the log, uncommitted
							// an infrastructure failure: the transaction must roll back, not dead-letter the record
							throw new org.apache.kafka.common.KafkaException("Simulated crash before the commit");
						}
					}

					@Override
					public void fail(MessageFailed failed) {
						real.fail(failed);
					}

					@Override
					public void deadLetter(ConsumerRecord<?, ?> record, Exception cause) {
						real.deadLetter(record, cause);
					}
				};
			}
		};
	}

}
