package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.MessageTooLongException;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.event.DispatchRequest;

class SubmitPlannerTests {

	private final SubmitPlanner planner = new SubmitPlanner(SmsCodec.defaults(), AddressRules.defaults(), 0, 8, 1);

	@Test
	void longGsmTextBecomesPartsWithUdh() {
		UUID id = UUID.randomUUID();
		List<SubmitPart> parts = this.planner.plan(request(id, "a".repeat(300)));
		int ref = MessageIds.concatenationReference(id) & 0xFF;
		assertThat(parts).hasSize(2).allSatisfy((part) -> {
			assertThat(part.esmClass()).isEqualTo(0x40);
			assertThat(part.dataCoding()).isZero();
			assertThat(part.registeredDelivery()).isEqualTo(1);
			assertThat(part.destination()).isEqualTo(new SmppAddress(1, 1, "4915112345678"));
			assertThat(part.source()).isEqualTo(new SmppAddress(5, 0, "ACME"));
		});
		assertThat(java.util.Arrays.copyOf(parts.get(1).shortMessage(), 6))
			.containsExactly(0x05, 0x00, 0x03, ref, 0x02, 0x02);
		assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
	}

	@Test
	void unicodeTextUsesUcs2DataCoding() {
		List<SubmitPart> parts = this.planner.plan(request(UUID.randomUUID(), "Привет, мир"));
		assertThat(parts).singleElement().satisfies((part) -> {
			assertThat(part.dataCoding()).isEqualTo(8);
			assertThat(part.esmClass()).isZero();
			assertThat(part.shortMessage()).hasSize(22);
		});
	}

	@Test
	void refusesEmptyAndTooLongMessages() {
		assertThatThrownBy(() -> this.planner.plan(request(UUID.randomUUID(), "")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.planner.plan(request(UUID.randomUUID(), "x".repeat(2000))))
			.isInstanceOf(MessageTooLongException.class);
	}

	private static DispatchRequest request(UUID id, String body) {
		return new DispatchRequest(id, "tenant", "smsc", "+4915112345678", "ACME", body, 1, Instant.now());
	}

}
