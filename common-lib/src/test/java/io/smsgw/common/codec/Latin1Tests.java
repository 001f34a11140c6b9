package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ISO-8859-1 (SMPP data_coding 3): 140 octets in one part, 134 or 133 per part, the same
 * segment model as the other encodings, and back through the decoder and the reassembler.
 */
class Latin1Tests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void tellsWhichTextsLatin1Holds() {
		assertThat(SmsCodec.canEncodeLatin1("Grüße, señor {ok} ¿qué? £5 ÿ")).isTrue();
		assertThat(SmsCodec.canEncodeLatin1("")).isTrue();
		assertThat(SmsCodec.canEncodeLatin1("5 \u20AC")).as("the euro sign is not in ISO-8859-1").isFalse();
		assertThat(SmsCodec.canEncodeLatin1("Ελλάδα")).isFalse();
		assertThat(SmsCodec.canEncodeLatin1("ok \uD83D\uDE00")).isFalse();
	}

	@Test
	void oneCharacterPerOctet140InOnePart() {
		String text = "Grüße, señor {ok} ^~|[]\\ ¿qué? ".repeat(5).substring(0, 140);

		EncodedMessage message = SmsCodec.defaults().encodeLatin1(text, 7);

		assertThat(message.encoding()).isEqualTo(Encoding.LATIN1);
		assertThat(message.encoding().dataCoding()).isEqualTo(3);
		assertThat(message.units()).isEqualTo(140);
		assertThat(message.unitsLeft()).isZero();
		assertThat(message.segments()).singleElement().satisfies((part) -> {
			assertThat(part.udh()).isEmpty();
			assertThat(part.reference()).isZero();
			assertThat(part.payload()).isEqualTo(text.getBytes(StandardCharsets.ISO_8859_1));
		});
	}

	@Test
	void longTextsTake134PerPartWithAnEightBitReference() {
		EncodedMessage message = SmsCodec.defaults().encodeLatin1("é".repeat(300), 0x142);

		assertThat(message.segments()).extracting(Segment::units).containsExactly(134, 134, 32);
		assertThat(message.unitsLeft()).isEqualTo(102);
		assertThat(HEX.formatHex(message.segments().get(0).udh())).isEqualTo("050003420301");
		assertThat(HEX.formatHex(message.segments().get(2).udh())).isEqualTo("050003420303");
		assertThat(message.segments()).allSatisfy((part) -> {
			assertThat(part.udhAndPayload().length).isLessThanOrEqualTo(140);
			assertThat(part.payload()).containsOnly((byte) 0xE9);
		});
		assertThat(message.payload()).hasSize(300);
	}

	@Test
	void sixteenBitReferencesLeave133PerPart() {
		EncodedMessage message = new SmsCodec(10, true).encodeLatin1("a".repeat(141), 0xBEEF);

		assertThat(message.segments()).extracting(Segment::units).containsExactly(133, 8);
		assertThat(HEX.formatHex(message.segments().get(1).udh())).isEqualTo("060804beef0202");
	}

	@Test
	void rejectsWhatLatin1CannotHoldAndWhatNeedsTooManyParts() {
		assertThatThrownBy(() -> SmsCodec.defaults().encodeLatin1("5 \u20AC", 1))
			.isInstanceOf(IllegalArgumentException.class);
		SmsCodec twoParts = new SmsCodec(CodecOptions.defaults().withMaxParts(2));
		assertThat(twoParts.maxParts()).isEqualTo(2);
		assertThat(twoParts.encodeLatin1("x".repeat(268), 1).segmentCount()).isEqualTo(2);
		assertThatThrownBy(() -> twoParts.encodeLatin1("x".repeat(269), 1))
			.isInstanceOf(MessageTooLongException.class);
	}

	@Test
	void smppDataCodingsNameTheirEncodings() {
		assertThat(Encoding.ofSmppDataCoding(0)).isEqualTo(Encoding.GSM7);
		assertThat(Encoding.ofSmppDataCoding(1)).isEqualTo(Encoding.GSM7);
		assertThat(Encoding.ofSmppDataCoding(3)).isEqualTo(Encoding.LATIN1);
		assertThat(Encoding.ofSmppDataCoding(8)).isEqualTo(Encoding.UCS2);
		assertThat(Encoding.ofSmppDataCoding(4)).isEqualTo(Encoding.BINARY);
		assertThat(Encoding.ofSmppDataCoding(2)).isEqualTo(Encoding.BINARY);
		assertThat(Encoding.ofSmppDataCoding(6)).as("unknown codings keep their octets").isEqualTo(Encoding.LATIN1);
		assertThat(Encoding.ofSmppDataCoding(0x18)).as("GSM coding group: UCS-2, class 0").isEqualTo(Encoding.UCS2);
		assertThat(Encoding.ofSmppDataCoding(0xF0)).isEqualTo(Encoding.GSM7);
		assertThat(Encoding.ofSmppDataCoding(0xF4)).isEqualTo(Encoding.BINARY);
	}

	@Test
	void partsDecodeAndReassembleInAnyOrder() {
		String text = "Ça coûte 5 £, ñandú, Ærø, ¡olé! ".repeat(9);
		EncodedMessage message = SmsCodec.defaults().encodeLatin1(text, 0x33);
		List<Segment> parts = new ArrayList<>(message.segments());
		Collections.reverse(parts);
		parts.add(parts.get(0));
		Reassembler reassembler = new Reassembler(Clock.systemUTC(), Duration.ofMinutes(1));

		List<ReassembledMessage> done = new ArrayList<>();
		for (Segment part : parts) {
			DecodedPart decoded = SmsDecoder.decode(part.udhAndPayload(), Encoding.LATIN1, true);
			Optional<ReassembledMessage> whole = reassembler.accept("+4915112345678", decoded);
			whole.ifPresent(done::add);
		}

		assertThat(message.segmentCount()).isEqualTo(3);
		assertThat(done).singleElement().satisfies((whole) -> {
			assertThat(whole.text()).isEqualTo(text);
			assertThat(whole.encoding()).isEqualTo(Encoding.LATIN1);
			assertThat(whole.incomplete()).isFalse();
		});
		assertThat(SmsCodec.decode(message.payload(), Encoding.LATIN1)).isEqualTo(text);
	}

}
