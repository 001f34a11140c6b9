package io.smsgw.router;

import java.time.Duration;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;



/** Waits until a listener that starts at the latest offset has its partitions, so that an event published next is seen. */
public final class ListenerAssignment {

	private ListenerAssignment() {
	}

	public static void await(KafkaListenerEndpointRegistry registry, String listenerId) {
		MessageListenerContainer container = registry.getListenerContainer(listenerId);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
	}

}
