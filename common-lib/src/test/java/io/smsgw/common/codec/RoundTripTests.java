package io.smsgw.common.codec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style round trips, with seeded random texts (jqwik is not available offline): encode →
 * split → write as on the wire (SMPP unpacked and PDU packed) → decode → reassemble, in shuffled
 * order with duplicates, must give the original text, and no part may exceed 140 octets.
 */
class RoundTripTests {

	private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
			+ "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "€[]{}^~|\\\f";

	private static final String NATIONAL = "ĞğŞşİıçÁÍÓÚáíóúÔôÂâÊêÃÕãõªº∞`À";

	private static final String[] UNICODE = { "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
			"\uD83C\uDDE9\uD83C\uDDEA", "\uD83D\uDC4D\uD83C\uDFFD", "\u4F60\u597D", "\u041F", "\u05D0", "\u0928\u092E\u0938\u094D\u0924\u0947" };

	@Test
	void randomTextsSurviveEveryOptionAndWireForm() {
		Random random = new Random(20250101);
		for (NationalLanguage language : NationalLanguage.values()) {
			for (int run = 0; run < 300; run++) {
				String text = randomText(random, 1 + random.nextInt(900), random.nextInt(4) == 0);
				CodecOptions options = new CodecOptions(255, random.nextBoolean(), language, language);
				roundTrip(new SmsCodec(options), text, random, random.nextInt(4) == 0);
			}
		}
	}

	@Test
	void extensionAndNationalCharactersAtEverySegmentBoundary() {
		Random random = new Random(3);
		for (NationalLanguage language : NationalLanguage.values()) {
			SmsCodec codec = new SmsCodec(new CodecOptions(20, false, language, language));
			for (String special : List.of("€", "[", "\\", "ş", "á", "Σ", "ã", "\uD83D\uDE00",
					"\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67")) {
				for (int prefix = 130; prefix <= 170; prefix++) {
					String text = "a".repeat(prefix) + special + "b".repeat(150) + special + "c".repeat(prefix);
					roundTrip(codec, text, random, false);
				}
			}
		}
	}

	private static void roundTrip(SmsCodec codec, String text, Random random, boolean transliterate) {
		EncodedMessage message = codec.encode(text, random.nextInt(), transliterate);
		String expected = message.isTransliterated() ? transliterated(text, message) : text;
		List<DecodedPart> parts = new ArrayList<>();
		for (Segment segment : message.segments()) {
			assertThat(wireOctets(message.encoding(), segment)).as(text).isLessThanOrEqualTo(140);
			if (message.encoding() == Encoding.GSM7 && random.nextBoolean()) {
				int udl = Septets.userDataLength(segment.udh().length, segment.units());
				parts.add(SmsDecoder.decodeTpdu(segment.packedUserData(), udl, Encoding.GSM7, segment.udh().length > 0));
			}
			else {
				parts.add(SmsDecoder.decode(segment.udhAndPayload(), message.encoding(), segment.udh().length > 0));
			}
		}
		if (parts.size() > 1) {
			parts.add(parts.get(random.nextInt(parts.size())));
		}
		Collections.shuffle(parts, random);
		Reassembler reassembler = new Reassembler(Clock.systemUTC(), Duration.ofMinutes(1));
		List<ReassembledMessage> done = new ArrayList<>();
		parts.forEach((part) -> reassembler.accept("+1555", part).ifPresent(done::add));
		assertThat(done).as(text).hasSize(1);
		assertThat(done.get(0).text()).as("%s via %s", text, message.charset()).isEqualTo(expected);
		assertThat(done.get(0).incomplete()).isFalse();
	}

	private static int wireOctets(Encoding encoding, Segment segment) {
		if (encoding == Encoding.GSM7) {
			return segment.packedUserData().length;
		}
		return segment.udhAndPayload().length;
	}

	private static String transliterated(String text, EncodedMessage message) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			final int index = i;
			Replacement replacement = message.replacements()
				.stream()
				.filter((r) -> r.positions().contains(index))
				.findFirst()
				.orElse(null);
			out.append((replacement != null) ? replacement.replacement() : String.valueOf(text.charAt(i)));
		}
		return out.toString();
	}

	static String randomText(Random random, int length, boolean unicode) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			int pick = random.nextInt(100);
			if (pick < 70) {
				text.append(GSM.charAt(random.nextInt(GSM.length())));
			}
			else if (pick < 80) {
				text.append(EXTENSION.charAt(random.nextInt(EXTENSION.length())));
			}
			else if (pick < 90) {
				text.append(NATIONAL.charAt(random.nextInt(NATIONAL.length())));
			}
			else if (pick < 95) {
				text.append("\u201C\u201D\u2019\u2013\u2026\u00A0".charAt(random.nextInt(6)));
			}
			else if (unicode) {
				text.append(UNICODE[random.nextInt(UNICODE.length)]);
			}
			else {
				text.appendCodePoint(0x20 + random.nextInt(0xD000));
			}
		}
		return text.toString();
	}

}
