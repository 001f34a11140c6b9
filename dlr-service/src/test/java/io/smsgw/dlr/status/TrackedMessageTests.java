package io.smsgw.dlr.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedMessageTests {

	private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

	private final TrackedMessage message = new TrackedMessage(UUID.randomUUID(), MessageStatus.ACCEPTED, null);

	@Test
	void multipartIsDeliveredOnlyWhenEveryPartIs() {
		this.message.sent("smsc", 1, "a", AT);
		this.message.sent("smsc", 2, "b", AT);
		this.message.receipt(1, MessageStatus.DELIVERED, "000", AT);
		assertThat(this.message.status()).isEqualTo(MessageStatus.SENT);

		this.message.receipt(2, MessageStatus.DELIVERED, "000", AT);

		assertThat(this.message.reached()).extracting(StatusEntry::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
	}

	@Test
	void onePartFailingForGoodFailsTheMessageWithItsErrorCode() {
		this.message.sent("smsc", 1, "a", AT);
		this.message.sent("smsc", 2, "b", AT);
		this.message.receipt(2, MessageStatus.EXPIRED, "027", AT);
		this.message.receipt(1, MessageStatus.DELIVERED, "000", AT);

		assertThat(this.message.status()).isEqualTo(MessageStatus.EXPIRED);
		assertThat(this.message.lastReached()).isEqualTo(new StatusEntry(MessageStatus.EXPIRED, AT, "027", "part 2 of 2"));
	}

	@Test
	void statusesNeverGoBackwards() {
		this.message.sent("smsc", 1, "a", AT);
		this.message.receipt(1, MessageStatus.DELIVERED, "000", AT);
		this.message.receipt(1, MessageStatus.SENT, null, AT);
		this.message.receipt(1, MessageStatus.UNDELIVERED, "001", AT);
		this.message.failed("x", "late", AT);
		this.message.sent("smsc", 1, "a", AT);

		assertThat(this.message.status()).isEqualTo(MessageStatus.DELIVERED);
		assertThat(this.message.reached()).hasSize(2);
		assertThat(this.message.part(1).status()).isEqualTo(MessageStatus.DELIVERED);
	}

	@Test
	void receiptForAnUnknownPartIsIgnored() {
		this.message.sent("smsc", 1, "a", AT);
		this.message.receipt(3, MessageStatus.DELIVERED, "000", AT);

		assertThat(this.message.status()).isEqualTo(MessageStatus.SENT);
	}

	@Test
	void expiryMovesTheMessageAndItsOpenPartsToExpiredButNeverAFinalMessage() {
		this.message.sent("smsc", 1, "a", AT);
		this.message.sent("smsc", 2, "b", AT);
		this.message.receipt(1, MessageStatus.DELIVERED, "000", AT);

		this.message.expired("late", AT);
		this.message.receipt(2, MessageStatus.DELIVERED, "000", AT);

		assertThat(this.message.reached()).extracting(StatusEntry::status)
			.containsExactly(MessageStatus.SENT, MessageStatus.EXPIRED);
		assertThat(this.message.parts()).extracting(TrackedPart::status)
			.containsExactly(MessageStatus.DELIVERED, MessageStatus.EXPIRED);

		TrackedMessage delivered = new TrackedMessage(UUID.randomUUID(), MessageStatus.DELIVERED, "smsc");
		delivered.expired("late", AT);
		assertThat(delivered.reached()).isEmpty();
	}

}
