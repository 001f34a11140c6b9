package io.smsgw.common.codec;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * National language tables against TS 23.038 §6.2.1.2 (locking) and §6.2.1.3 (single shift), and
 * what choosing them costs in the UDH.
 */
class NationalLanguageTests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void turkishTablesHoldTheirLettersWhereTheStandardPutsThem() {
		GsmCharset locking = new GsmCharset(NationalLanguage.TURKISH, NationalLanguage.NONE);
		GsmCharset single = new GsmCharset(NationalLanguage.NONE, NationalLanguage.TURKISH);

		assertThat(septets(locking, "€ıĞğŞşİç")).isEqualTo("04070b0c1c1d4060");
		assertThat(septets(single, "ĞİŞçğış€")).isEqualTo("1b471b491b531b631b671b691b731b65");
	}

	@Test
	void spanishHasASingleShiftTableOnly() {
		GsmCharset single = new GsmCharset(NationalLanguage.NONE, NationalLanguage.SPANISH);

		assertThat(septets(single, "çÁÍÓÚáíóú")).isEqualTo("1b091b411b491b4f1b551b611b691b6f1b75");
		assertThat(NationalLanguage.SPANISH.hasLockingShiftTable()).isFalse();
		assertThat(new GsmCharset(NationalLanguage.SPANISH, NationalLanguage.NONE)).isEqualTo(GsmCharset.DEFAULT);
	}

	@Test
	void portugueseTablesHoldTheirLettersWhereTheStandardPutsThem() {
		GsmCharset locking = new GsmCharset(NationalLanguage.PORTUGUESE, NationalLanguage.NONE);
		GsmCharset single = new GsmCharset(NationalLanguage.NONE, NationalLanguage.PORTUGUESE);

		assertThat(septets(locking, "êçÔÁªÇÀ∞^\\€Ó|ÂâÊºÍÃÕÚ~ãõ`")).isEqualTo("04090b0e1213141516171819" + "1a1c1d1e24405b5c5d607b7c7d");
		assertThat(septets(single, "êÔÊÀÃâ")).isEqualTo("1b051b0b1b1f1b411b5b1b7f");
		// Φ is in the default locking table, so only a Portuguese locking table sends it shifted
		assertThat(septets(single, "Φ")).isEqualTo("12");
		assertThat(septets(new GsmCharset(NationalLanguage.PORTUGUESE, NationalLanguage.PORTUGUESE), "Φ")).isEqualTo("1b12");
	}

	@Test
	void decodesWhatItEncodesInEveryTableCombination() {
		String text = "Ağaç şişe İzmir ÇÁÍÓÚ áíóú ãõ ê Ô € [ ] { } ~ | ^ \\";
		for (NationalLanguage locking : NationalLanguage.values()) {
			for (NationalLanguage single : NationalLanguage.values()) {
				GsmCharset charset = new GsmCharset(locking, single);
				StringBuilder kept = new StringBuilder();
				text.chars().filter((c) -> charset.septetCost((char) c) > 0).forEach((c) -> kept.append((char) c));
				byte[] septets = new byte[kept.length() * 2];
				int length = 0;
				for (int i = 0; i < kept.length(); i++) {
					length += charset.write(kept.charAt(i), septets, length);
				}
				assertThat(charset.decode(septets, 0, length)).as(charset.toString()).isEqualTo(kept.toString());
			}
		}
	}

	@Test
	void aTurkishTextStaysGsm7WithTheShiftElementsInItsHeader() {
		SmsCodec codec = new SmsCodec(CodecOptions.defaults().withNationalLanguage(NationalLanguage.TURKISH));

		EncodedMessage message = codec.encode("Şişli'de buluşalım mı?", 1);

		assertThat(message.encoding()).isEqualTo(Encoding.GSM7);
		assertThat(message.segmentCount()).isEqualTo(1);
		// locking alone beats single shift alone: every Turkish letter costs one septet, not two,
		// for the same 4-octet header (5 septets)
		assertThat(HEX.formatHex(message.segments().get(0).udh())).isEqualTo("03250101");
		assertThat(message.units()).isEqualTo(22);
		assertThat(message.unitsLeft()).isEqualTo(155 - 22);
		assertThat(SmsDecoder.decode(message.segments().get(0).udhAndPayload(), Encoding.GSM7, true).text())
			.isEqualTo("Şişli'de buluşalım mı?");
	}

	@Test
	void withoutTheOptionATurkishTextGoesUcs2() {
		assertThat(SmsCodec.defaults().encode("Şişli'de buluşalım mı?", 1).encoding()).isEqualTo(Encoding.UCS2);
	}

	@Test
	void countsTheShiftElementsInEveryPartsCapacity() {
		CodecOptions spanish = CodecOptions.defaults().withNationalLanguage(NationalLanguage.SPANISH);
		CodecOptions portuguese = CodecOptions.defaults().withNationalLanguage(NationalLanguage.PORTUGUESE);

		// one shift element: UDH 4 octets = 5 septets -> 155; with 8-bit concatenation 9 octets = 11 -> 149
		assertThat(new SmsCodec(spanish).encode("á".repeat(77), 1).unitsLeft()).isEqualTo(155 - 154);
		EncodedMessage long1 = new SmsCodec(spanish).encode("á".repeat(78), 0x11);
		assertThat(long1.segments().get(0).units()).isEqualTo(148);
		assertThat(HEX.formatHex(long1.segments().get(0).udh())).isEqualTo("08000311020124" + "0102");
		// both tables: 7 octets = 8 septets -> 152; concatenated 12 octets = 14 septets -> 146
		String both = "ã".repeat(100) + "Ô".repeat(40);
		EncodedMessage message = new SmsCodec(portuguese).encode(both, 0x22);
		assertThat(message.charset()).isEqualTo(new GsmCharset(NationalLanguage.PORTUGUESE, NationalLanguage.NONE));
		assertThat(new SmsCodec(portuguese).encode("ª" + "Σ".repeat(10), 1).charset())
			.isEqualTo(new GsmCharset(NationalLanguage.PORTUGUESE, NationalLanguage.PORTUGUESE));
		EncodedMessage twoTables = new SmsCodec(portuguese).encode("ª".repeat(150) + "Σ".repeat(10), 5);
		assertThat(twoTables.segments().get(0).udh()).hasSize(12);
		assertThat(twoTables.segments()).allSatisfy((part) -> assertThat(part.units()).isLessThanOrEqualTo(146));
	}

	private static String septets(GsmCharset charset, String text) {
		byte[] out = new byte[text.length() * 2];
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			length += charset.write(text.charAt(i), out, length);
		}
		return HEX.formatHex(out, 0, length);
	}

}
