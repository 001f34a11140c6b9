package io.smsgw.common.codec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reassembly of received parts: any order, duplicates, and sets that never complete.
 */
class ReassemblerTests {

	private final MutableClock clock = new MutableClock();

	private final Reassembler reassembler = new Reassembler(this.clock, Duration.ofMinutes(5));

	@Test
	void joinsPartsThatArriveOutOfOrderAndTwice() {
		List<DecodedPart> parts = parts("a".repeat(150) + "[end]" + "b".repeat(200), 0x42, false);

		assertThat(this.reassembler.accept("+491701", parts.get(2))).isEmpty();
		assertThat(this.reassembler.accept("+491701", parts.get(0))).isEmpty();
		assertThat(this.reassembler.accept("+491701", parts.get(2))).isEmpty();
		Optional<ReassembledMessage> message = this.reassembler.accept("+491701", parts.get(1));

		assertThat(message).isPresent();
		assertThat(message.get().text()).isEqualTo("a".repeat(150) + "[end]" + "b".repeat(200));
		assertThat(message.get().incomplete()).isFalse();
		assertThat(message.get().received()).containsExactly(1, 2, 3);
		assertThat(this.reassembler.pending()).isZero();
		assertThat(this.reassembler.accept("+491701", parts.get(0))).as("late duplicate").isEmpty();
	}

	@Test
	void keepsSetsOfDifferentSendersAndReferencesApart() {
		List<DecodedPart> first = parts("x".repeat(300), 7, true);
		List<DecodedPart> second = parts("y".repeat(300), 7, true);

		this.reassembler.accept("+111", first.get(0));
		this.reassembler.accept("+222", second.get(1));
		ReassembledMessage y = this.reassembler.accept("+222", second.get(0)).orElseThrow();
		ReassembledMessage x = this.reassembler.accept("+111", first.get(1)).orElseThrow();

		assertThat(x.text()).isEqualTo("x".repeat(300));
		assertThat(y.text()).isEqualTo("y".repeat(300));
		assertThat(y.reference()).isEqualTo(7);
	}

	@Test
	void releasesAnIncompleteSetAfterTheTimeoutWithAFlag() {
		List<DecodedPart> parts = parts("p".repeat(153) + "q".repeat(153) + "r".repeat(10), 9, false);
		this.reassembler.accept("+33", parts.get(0));
		this.reassembler.accept("+33", parts.get(2));

		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.reassembler.expire()).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		List<ReassembledMessage> released = this.reassembler.expire();

		assertThat(released).hasSize(1);
		assertThat(released.get(0).incomplete()).isTrue();
		assertThat(released.get(0).text()).isEqualTo("p".repeat(153) + "r".repeat(10));
		assertThat(released.get(0).missing()).containsExactly(2);
		assertThat(this.reassembler.pending()).isZero();
	}

	@Test
	void releasesEveryWaitingSetAtOnceOnRequest() {
		List<DecodedPart> parts = parts("s".repeat(153) + "t".repeat(20), 11, false);
		this.reassembler.accept("+34", parts.get(1));

		List<ReassembledMessage> released = this.reassembler.releaseAll();

		assertThat(released).singleElement().satisfies((message) -> {
			assertThat(message.incomplete()).isTrue();
			assertThat(message.text()).isEqualTo("t".repeat(20));
			assertThat(message.missing()).containsExactly(1);
		});
		assertThat(this.reassembler.pending()).isZero();
		assertThat(this.reassembler.releaseAll()).isEmpty();
	}

	@Test
	void passesASinglePartStraightThrough() {
		DecodedPart part = SmsDecoder.decode("hello".getBytes(), Encoding.GSM7, false);

		ReassembledMessage message = this.reassembler.accept("+1", part).orElseThrow();

		assertThat(message.text()).isEqualTo("hello");
		assertThat(message.total()).isEqualTo(1);
		assertThat(message.missing()).isEmpty();
	}

	@Test
	void joinsAnEmojiSplitAcrossPartsBySomeOtherSender() {
		// a careless sender split the surrogate pair of U+1F600 between parts 1 and 2
		byte[] one = { 0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x41, (byte) 0xD8, 0x3D };
		byte[] two = { 0x05, 0x00, 0x03, 0x01, 0x02, 0x02, (byte) 0xDE, 0x00 };

		this.reassembler.accept("+1", SmsDecoder.decode(one, Encoding.UCS2, true));
		ReassembledMessage message = this.reassembler.accept("+1", SmsDecoder.decode(two, Encoding.UCS2, true))
			.orElseThrow();

		assertThat(message.text()).isEqualTo("A\uD83D\uDE00");
	}

	private static List<DecodedPart> parts(String text, int reference, boolean sixteenBit) {
		EncodedMessage message = new SmsCodec(10, sixteenBit).encode(text, reference);
		return message.segments()
			.stream()
			.map((segment) -> SmsDecoder.decode(segment.udhAndPayload(), message.encoding(), true))
			.toList();
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
