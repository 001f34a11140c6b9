package io.smsgw.common.codec;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capacities of TS 23.040 for every encoding and header, and the segment model that serves
 * UDH, SAR TLVs and message_payload alike.
 */
class CodecLimitsTests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void binaryTakes140OctetsThen134PerPart() {
		SmsCodec codec = SmsCodec.defaults();

		EncodedMessage one = codec.encodeBinary(new byte[140], 9);
		EncodedMessage two = codec.encodeBinary(new byte[141], 9);

		assertThat(one.segmentCount()).isEqualTo(1);
		assertThat(one.segments().get(0).udh()).isEmpty();
		assertThat(one.unitsLeft()).isZero();
		assertThat(two.encoding()).isEqualTo(Encoding.BINARY);
		assertThat(two.segments()).extracting(Segment::units).containsExactly(134, 7);
		assertThat(HEX.formatHex(two.segments().get(1).udh())).isEqualTo("050003090202");
		assertThat(two.unitsLeft()).isEqualTo(127);
	}

	@Test
	void binaryWithSixteenBitReferencesTakes133PerPart() {
		EncodedMessage message = new SmsCodec(10, true).encodeBinary(new byte[300], 0xBEEF);

		assertThat(message.segments()).extracting(Segment::units).containsExactly(133, 133, 34);
		assertThat(message.segments()).allSatisfy((part) -> assertThat(part.udhAndPayload().length).isLessThanOrEqualTo(140));
	}

	@Test
	void ucs2With16BitReferencesTakes66PerPart() {
		EncodedMessage message = new SmsCodec(10, true).encode("\u041F".repeat(71), 1);

		assertThat(message.segments()).extracting(Segment::units).containsExactly(66, 5);
		assertThat(message.unitsLeft()).isEqualTo(61);
	}

	@Test
	void givesSarFactsAndTheWholePayloadWithoutHeaders() {
		EncodedMessage message = SmsCodec.defaults().encode("x".repeat(200) + "\u20AC", 0x1FF);

		Segment second = message.segments().get(1);
		assertThat(second.reference()).isEqualTo(0xFF);
		assertThat(second.total()).isEqualTo(2);
		assertThat(second.number()).isEqualTo(2);
		assertThat(message.payload()).hasSize(202);
		assertThat(SmsCodec.decode(message.payload(), Encoding.GSM7)).isEqualTo("x".repeat(200) + "\u20AC");
		assertThat(message.shiftHeader()).isEmpty();
	}

	@Test
	void givesTheShiftHeaderForSendingWhole() {
		SmsCodec turkish = new SmsCodec(CodecOptions.defaults().withNationalLanguage(NationalLanguage.TURKISH));

		EncodedMessage message = turkish.encode("\u015F".repeat(200), 3);

		assertThat(HEX.formatHex(message.shiftHeader())).isEqualTo("03250101");
		assertThat(message.payload()).hasSize(200);
	}

	@Test
	void packsAPartsUserDataForPduMode() {
		EncodedMessage message = SmsCodec.defaults().encode("a".repeat(161), 0xCC);

		byte[] userData = message.segments().get(0).packedUserData();

		// 6 UDH octets, then 153 septets after one fill bit: 1 + 153 * 7 = 1072 bits = 134 octets
		assertThat(userData).hasSize(140);
		assertThat(Septets.userDataLength(6, 153)).isEqualTo(160);
		assertThat(SmsDecoder.decodeTpdu(userData, 160, Encoding.GSM7, true).text()).isEqualTo("a".repeat(153));
	}

	@Test
	void optionsRefuseMorePartsThanSmsCanNumber() {
		assertThatThrownBy(() -> new CodecOptions(256, false, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SmsCodec.defaults().encodeBinary(new byte[134 * 10 + 1], 1))
			.isInstanceOf(MessageTooLongException.class);
		assertThat(new SmsCodec(255, false).encode("a".repeat(153 * 255), 1).segmentCount()).isEqualTo(255);
	}

}
