package io.smsgw.modem.pdu;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smsgw.common.codec.CodecOptions;
import io.smsgw.common.codec.DecodedPart;
import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.Encoding;
import io.smsgw.common.codec.NationalLanguage;
import io.smsgw.common.codec.Segment;
import io.smsgw.common.codec.Septets;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.codec.SmsDecoder;
import io.smsgw.simulator.modem.SubmitPduDecoder;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * SMS-SUBMIT PDUs against known vectors and PDUs decoded by hand.
 */
class SubmitPduEncoderTests {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final SmsCodec codec = SmsCodec.defaults();

	@Test
	void packsSeptetsLikeTheClassicVector() {
		byte[] septets = "hellohello".getBytes(StandardCharsets.US_ASCII);

		assertThat(HEX.formatHex(Septets.pack(septets, 0))).isEqualTo("E8329BFD4697D9EC37");
	}

	@Test
	void encodesTheClassicSubmitPdu() {
		// 00 SMSC of the SIM | 11 SUBMIT, VPF relative | 00 MR | 0B 91 6407281553F8 +46708251358
		// 00 PID | 00 GSM-7 | AA 4 days | 0A 10 septets | E8329BFD4697D9EC37 "hellohello"
		SubmitPduEncoder encoder = new SubmitPduEncoder(null, Duration.ofDays(4), false);

		List<SubmitPdu> pdus = encoder.encode("+46708251358", this.codec.encode("hellohello", 0));

		assertThat(pdus).containsExactly(new SubmitPdu("0011000B916407281553F80000AA0AE8329BFD4697D9EC37", 23));
	}

	@Test
	void putsTheConfiguredSmscAndTheStatusReportRequestInFront() {
		SubmitPduEncoder encoder = new SubmitPduEncoder("+447785016005", Duration.ofDays(1), true);

		SubmitPdu pdu = encoder.encode("+46708251358", this.codec.encode("hellohello", 0)).get(0);

		// 07 octets, 91 international, 447785016005 in swapped semi-octets; 31 = SUBMIT, VPF, SRR
		assertThat(pdu.hex()).startsWith("0791447758100650" + "31");
		assertThat(pdu.hex()).contains("0000A70A");
		assertThat(pdu.tpduLength()).isEqualTo(23);
	}

	@Test
	void alignsTheSeptetsAfterTheConcatenationHeader() {
		// a hand-made part 1 of 2 of "hi": the 6-octet UDH takes 7 septets (48 bits + 1 fill bit),
		// then 'h' 0x68 shifted by the fill bit gives D0 and 'i' 0x69 the next octet
		byte[] udh = { 0x05, 0x00, 0x03, (byte) 0xCC, 0x02, 0x01 };
		Segment part = new Segment(1, 2, 0xCC, udh, "hi".getBytes(StandardCharsets.US_ASCII), 2);
		EncodedMessage message = new EncodedMessage(Encoding.GSM7, 2, List.of(part), 0);

		SubmitPdu pdu = new SubmitPduEncoder(null, Duration.ofDays(1), false).encode("+46708251358", message).get(0);

		// 51 = SUBMIT, VPF relative, UDHI | UDL 09 = 7 header septets + 2
		assertThat(pdu.hex()).isEqualTo("0051000B916407281553F80000A709050003CC0201D069");
		assertThat(SubmitPduDecoder.decode(pdu.hex()).text()).isEqualTo("hi");
	}

	@Test
	void encodesUcs2AsOctets() {
		SubmitPdu pdu = new SubmitPduEncoder(null, Duration.ofDays(1), false)
			.encode("+79161234567", this.codec.encode("Привет", 0))
			.get(0);

		// 0B 91 9761214365F7 | 00 PID | 08 UCS-2 | A7 | 0C 12 octets
		assertThat(pdu.hex()).isEqualTo("0011000B919761214365F70008A70C041F04400438043204350442");
		assertThat(pdu.tpduLength()).isEqualTo(26);
	}

	@Test
	void encodesEachPartOfALongMessage() {
		String text = "The quick brown fox jumps over the lazy dog; ".repeat(5) + "{end}";
		SubmitPduEncoder encoder = new SubmitPduEncoder(null, Duration.ofHours(1), false);

		List<SubmitPdu> pdus = encoder.encode("+4915123456789", this.codec.encode(text, 0x42));

		assertThat(pdus).hasSize(2);
		Submit first = SubmitPduDecoder.decode(pdus.get(0).hex());
		Submit second = SubmitPduDecoder.decode(pdus.get(1).hex());
		assertThat(first.firstOctet()).isEqualTo(0x51);
		assertThat(first.udh()).isEqualTo("050003420201");
		assertThat(second.udh()).isEqualTo("050003420202");
		assertThat(first.udl()).isEqualTo(160);
		assertThat(first.destination()).isEqualTo("+4915123456789");
		assertThat(first.validity()).isEqualTo(11);
		assertThat(first.text() + second.text()).isEqualTo(text);
		assertThat(pdus).allSatisfy((pdu) -> assertThat(pdu.hex().length() / 2 - 1).isEqualTo(pdu.tpduLength()));
		assertThat(pdus.get(0).tpduLength()).isLessThanOrEqualTo(164);
	}

	@Test
	void sendsTurkishInGsm7WithTheLockingShiftElement() {
		SmsCodec turkish = new SmsCodec(CodecOptions.defaults().withNationalLanguage(NationalLanguage.TURKISH));
		SubmitPduEncoder encoder = new SubmitPduEncoder(null, Duration.ofDays(1), false);

		SubmitPdu pdu = encoder.encode("+905321234567", turkish.encode("Görüşürüz, iyi akşamlar", 0)).get(0);

		// 51 = SUBMIT, VPF, UDHI | DCS 00: the UDH, not the DCS, names the table | UDL 1C = 5 header
		// septets (03 25 01 01: 32 bits + 3 fill bits) + 23 septets
		assertThat(pdu.hex()).startsWith("0051000C910935123254760000A71C03250101");
		byte[] tpdu = HEX.parseHex(pdu.hex());
		DecodedPart part = SmsDecoder.decodeTpdu(Arrays.copyOfRange(tpdu, 15, tpdu.length), 0x1C, Encoding.GSM7, true);
		assertThat(part.text()).isEqualTo("Görüşürüz, iyi akşamlar");
		assertThat(part.header().charset().lockingShift()).isEqualTo(NationalLanguage.TURKISH);
	}

	@Test
	void refusesWhatIsNotAPhoneNumber() {
		SubmitPduEncoder encoder = new SubmitPduEncoder(null, Duration.ofDays(1), false);

		assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode("+12ab", this.codec.encode("x", 0)));
		assertThatIllegalArgumentException().isThrownBy(() -> Addresses.destination(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Addresses.destination("+"));
	}

	@Test
	void writesNationalNumbersAsUnknownType() {
		assertThat(HEX.formatHex(Addresses.destination("0612345"))).isEqualTo("0781602143F5");
	}

	@Test
	void roundsTheValidityUpToWhatTheOctetCanSay() {
		assertThat(ValidityPeriod.relative(Duration.ofMinutes(5))).isEqualTo(0);
		assertThat(ValidityPeriod.relative(Duration.ofMinutes(6))).isEqualTo(1);
		assertThat(ValidityPeriod.relative(Duration.ofHours(12))).isEqualTo(143);
		assertThat(ValidityPeriod.relative(Duration.ofHours(13))).isEqualTo(145);
		assertThat(ValidityPeriod.relative(Duration.ofDays(1))).isEqualTo(0xA7);
		assertThat(ValidityPeriod.relative(Duration.ofDays(4))).isEqualTo(0xAA);
		assertThat(ValidityPeriod.relative(Duration.ofDays(30))).isEqualTo(196);
		assertThat(ValidityPeriod.relative(Duration.ofDays(35))).isEqualTo(197);
		assertThat(ValidityPeriod.relative(Duration.ofDays(1000))).isEqualTo(255);
	}

}
