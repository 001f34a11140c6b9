package io.smsgw.common.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

	@Test
	void dispatchTopicsCarryDispatchRequests() {
		assertThat(Topics.dispatch("smsc-a")).isEqualTo("sms.mt.dispatch.smsc-a");
		assertThat(Topics.eventTypeOf("sms.mt.dispatch.smsc-a")).isEqualTo(DispatchRequest.class);
		assertThat(Topics.eventTypeOf("sms.mt.dispatch.smsc-a-dlt")).isEqualTo(DispatchRequest.class);
	}

	@Test
	void everyFixedTopicHasAnEventType() {
		for (String topic : Topics.fixedTopics()) {
			assertThat(topic).startsWith("sms.");
			assertThat(Topics.eventTypeOf(topic).getAnnotation(EventSchema.class)).isNotNull();
		}
	}

	@Test
	void connectorIdsThatCannotBeTopicNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.dispatch("a b"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.eventTypeOf("orders.created"));
	}

	@Test
	void statusesNeverGoBackwards() {
		assertThat(MessageStatus.ACCEPTED.canMoveTo(MessageStatus.SENT)).isTrue();
		assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.DELIVERED)).isTrue();
		assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.SENT)).isFalse();
		assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.UNDELIVERED)).isFalse();
		assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.SENT)).isFalse();
	}

	@Test
	void receiptStatsMapToTenantStatuses() {
		assertThat(ReceiptState.fromStat("DELIVRD").status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(ReceiptState.fromStat("undeliv").status()).isEqualTo(MessageStatus.UNDELIVERED);
		assertThat(ReceiptState.fromStat("EXPIRED").status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(ReceiptState.fromStat("REJECTD").status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(ReceiptState.fromStat("ENROUTE").status()).isEqualTo(MessageStatus.SENT);
		assertThat(ReceiptState.fromStat("nonsense")).isNull();
		assertThat(ReceiptState.fromMessageState(2)).isEqualTo(ReceiptState.DELIVERED);
	}

	@Test
	void statusEventIdsAreStablePerMessageAndStatus() {
		java.util.UUID id = java.util.UUID.randomUUID();
		assertThat(StatusChanged.eventIdOf(id, MessageStatus.SENT)).isEqualTo(StatusChanged.eventIdOf(id, MessageStatus.SENT))
			.isNotEqualTo(StatusChanged.eventIdOf(id, MessageStatus.DELIVERED));
	}

}
