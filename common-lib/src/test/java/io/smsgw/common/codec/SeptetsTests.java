package io.smsgw.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Septet packing against the classic vectors of TS 23.038 §6.1.2.1.1 and hand-made headers.
 */
class SeptetsTests {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	@Test
	void packsHellohelloLikeTheClassicVector() {
		byte[] septets = "hellohello".getBytes(StandardCharsets.US_ASCII);

		assertThat(HEX.formatHex(Septets.pack(septets, 0))).isEqualTo("E8329BFD4697D9EC37");
		assertThat(Septets.unpack(HEX.parseHex("E8329BFD4697D9EC37"), 0, 0, 10)).isEqualTo(septets);
	}

	@Test
	void packsEightSeptetsIntoSevenOctets() {
		// "12345678": the eighth septet fills the top 7 bits of the seventh octet
		byte[] septets = "12345678".getBytes(StandardCharsets.US_ASCII);

		assertThat(HEX.formatHex(Septets.pack(septets, 0))).isEqualTo("31D98C56B3DD70");
	}

	@Test
	void alignsSeptetsAfterAConcatenationHeaderWithOneFillBit() {
		// a 6-octet UDH is 48 bits: 7 septets need 49, so one fill bit; 'h' 0x68 << 1 = D0
		byte[] udh = { 0x05, 0x00, 0x03, (byte) 0xCC, 0x02, 0x01 };

		assertThat(Septets.fillBits(udh.length)).isEqualTo(1);
		assertThat(Septets.headerSeptets(udh.length)).isEqualTo(7);
		assertThat(HEX.formatHex(Septets.userData(udh, "hi".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("050003CC0201D069");
		assertThat(Septets.userDataLength(udh.length, 2)).isEqualTo(9);
	}

	@Test
	void knowsTheFillBitsOfEveryHeaderLength() {
		// 7-octet UDH (16-bit concatenation): 56 bits = 8 septets exactly, no fill
		assertThat(Septets.fillBits(7)).isZero();
		assertThat(Septets.fillBits(4)).isEqualTo(3);
		assertThat(Septets.fillBits(12)).isEqualTo(2);
		assertThat(Septets.headerSeptets(12)).isEqualTo(14);
	}

	@Test
	void unpacksWhatItPacksForEveryFillBitCount() {
		Random random = new Random(7);
		for (int run = 0; run < 200; run++) {
			byte[] septets = new byte[random.nextInt(161)];
			for (int i = 0; i < septets.length; i++) {
				septets[i] = (byte) random.nextInt(128);
			}
			int fill = run % 7;
			byte[] packed = Septets.pack(septets, fill);
			assertThat(packed).hasSize((fill + septets.length * 7 + 7) / 8);
			assertThat(Septets.unpack(packed, 0, fill, septets.length)).isEqualTo(septets);
		}
	}

	@Test
	void refusesToUnpackMoreSeptetsThanTheOctetsHold() {
		assertThatThrownBy(() -> Septets.unpack(HEX.parseHex("E8329B"), 0, 0, 4))
			.isInstanceOf(MalformedUserDataException.class);
		assertThat(Septets.unpack(HEX.parseHex("E8329B"), 0, 0, 3)).containsExactly('h', 'e', 'l');
	}

}
