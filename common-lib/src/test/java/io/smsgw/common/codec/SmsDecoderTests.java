package io.smsgw.common.codec;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.UserDataHeader.Concatenation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Received user data: real SMS-DELIVER PDUs (hex) and headers of TS 23.040 §9.2.3.24.
 */
class SmsDecoderTests {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	// SMS-DELIVER, part 1 of 2, as a modem shows it after +CMGL in PDU mode:
	// 07 911326040000F0 SMSC +31624000000 | 44 DELIVER, TP-MMS, UDHI | 0B 91 6407281553F8 +46708251358
	// 00 PID | 00 DCS GSM-7 | 52401261124540 SCTS 2025-04-21 16:21:54 +04:00 | 1F UDL 31 septets
	// 05 00 03 2A 02 01: concatenation, ref 0x2A, part 1 of 2; 48 bits + 1 fill bit = 7 septets
	// 90 = 'H' 1001000 shifted past the fill bit, 65 = 'e', ... 24 septets "Hello from the gateway, "
	private static final String PART_1 = "07911326040000F0440B916407281553F80000524012611245401F"
			+ "0500032A0201906536FB0D32CBDF6D101D5D069DC3F4F23D9C678100";

	private static final String PART_2 = "07911326040000F0440B916407281553F8000052401261124540"
			+ "10" + "0500032A0202E061391D44BFBF5D";

	private static final int USER_DATA = 26; // octet of the UDL in both PDUs

	@Test
	void decodesAConcatenatedDeliverWithFillBit() {
		DecodedPart first = tpdu(PART_1);
		DecodedPart second = tpdu(PART_2);

		assertThat(first.text()).isEqualTo("Hello from the gateway, ");
		assertThat(first.header().concatenation()).isEqualTo(new Concatenation(0x2A, 2, 1, false));
		assertThat(second.text()).isEqualTo("part two.");
		assertThat(second.header().concatenation().sequence()).isEqualTo(2);
	}

	@Test
	void decodesTheClassicSeptetsWithoutHeader() {
		DecodedPart part = SmsDecoder.decodeTpdu(HEX.parseHex("E8329BFD4697D9EC37"), 10, Encoding.GSM7, false);

		assertThat(part.text()).isEqualTo("hellohello");
		assertThat(part.header()).isEqualTo(UserDataHeader.NONE);
	}

	@Test
	void decodesUnpackedSeptetsAsSmppCarriesThem() {
		byte[] shortMessage = HEX.parseHex("0608041234030268691B65");

		DecodedPart part = SmsDecoder.decode(shortMessage, Encoding.GSM7, true);

		assertThat(part.header().concatenation()).isEqualTo(new Concatenation(0x1234, 3, 2, true));
		assertThat(part.text()).isEqualTo("hi€");
	}

	@Test
	void decodesUcs2AndBinary() {
		DecodedPart ucs2 = SmsDecoder.decodeTpdu(HEX.parseHex("041F04400438043204350442D83DDE00"), 16, Encoding.UCS2,
				false);
		DecodedPart binary = SmsDecoder.decode(HEX.parseHex("0605040B8423F0CAFE"), Encoding.BINARY, true);

		assertThat(ucs2.text()).isEqualTo("Привет😀");
		assertThat(binary.header().elements()).hasSize(1);
		assertThat(binary.header().elements().get(0).iei()).isEqualTo(0x05);
		assertThat(binary.payload()).containsExactly(0xCA, 0xFE);
	}

	@Test
	void readsNationalShiftElementsAndSkipsUnknownOnes() {
		// 0A text formatting (unknown to the codec), 24 01 01 Turkish single shift, 25 01 01 Turkish locking
		byte[] shortMessage = HEX.parseHex("0C" + "0A0400050000" + "240101" + "250101" + "071B73");

		DecodedPart part = SmsDecoder.decode(shortMessage, Encoding.GSM7, true);

		assertThat(part.header().charset()).isEqualTo(new GsmCharset(NationalLanguage.TURKISH, NationalLanguage.TURKISH));
		assertThat(part.header().concatenation()).isNull();
		assertThat(part.text()).isEqualTo("ış");
	}

	@Test
	void ignoresAConcatenationElementWithAnImpossibleSequence() {
		DecodedPart part = SmsDecoder.decode(HEX.parseHex("050003070203" + "6869"), Encoding.GSM7, true);

		assertThat(part.header().concatenation()).isNull();
		assertThat(part.isConcatenated()).isFalse();
		assertThat(part.text()).isEqualTo("hi");
	}

	@Test
	void refusesHeadersThatOverrunTheData() {
		assertThatThrownBy(() -> SmsDecoder.decode(HEX.parseHex("0900030702"), Encoding.GSM7, true))
			.isInstanceOf(MalformedUserDataException.class);
		assertThatThrownBy(() -> SmsDecoder.decode(HEX.parseHex("03000702"), Encoding.GSM7, true))
			.isInstanceOf(MalformedUserDataException.class);
		assertThatThrownBy(() -> SmsDecoder.decodeTpdu(HEX.parseHex("E832"), 10, Encoding.GSM7, false))
			.isInstanceOf(MalformedUserDataException.class);
	}

	@Test
	void readsTheAlphabetOfADataCodingScheme() {
		assertThat(Encoding.ofDataCodingScheme(0x00)).isEqualTo(Encoding.GSM7);
		assertThat(Encoding.ofDataCodingScheme(0x08)).isEqualTo(Encoding.UCS2);
		assertThat(Encoding.ofDataCodingScheme(0x04)).isEqualTo(Encoding.BINARY);
		assertThat(Encoding.ofDataCodingScheme(0x18)).isEqualTo(Encoding.UCS2);
		assertThat(Encoding.ofDataCodingScheme(0xF6)).isEqualTo(Encoding.BINARY);
		assertThat(Encoding.ofDataCodingScheme(0xF1)).isEqualTo(Encoding.GSM7);
		assertThat(Encoding.ofDataCodingScheme(0xE0)).isEqualTo(Encoding.UCS2);
		assertThat(Encoding.ofDataCodingScheme(0xC8)).isEqualTo(Encoding.GSM7);
	}

	private static DecodedPart tpdu(String hex) {
		byte[] pdu = HEX.parseHex(hex);
		int udl = pdu[USER_DATA] & 0xFF;
		boolean udhi = (pdu[8] & 0x40) != 0;
		return SmsDecoder.decodeTpdu(Arrays.copyOfRange(pdu, USER_DATA + 1, pdu.length), udl,
				Encoding.ofDataCodingScheme(pdu[18]), udhi);
	}

}
