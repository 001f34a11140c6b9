package io.smsgw.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageSent;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

	@Test
	void writesWhatIsoInstantWrites() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
					Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1);
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(second, nano);
			String expected = DateTimeFormatter.ISO_INSTANT.format(instant);
			assertThat(IsoInstants.format(instant)).isEqualTo(expected);
			assertThat(IsoInstants.parse(expected)).isEqualTo(instant);
		}
	}

	@Test
	void yearsPastFourDigitsAreLeftToTheJdk() {
		Instant far = Instant.parse("+10000-01-01T00:00:00Z");
		assertThat(IsoInstants.format(far)).isEqualTo(far.toString());
		Instant early = Instant.parse("-0001-12-31T23:59:59Z");
		assertThat(IsoInstants.format(early)).isEqualTo(early.toString());
	}

	@Test
	void readsFractionsOfAnyLength() {
		assertThat(IsoInstants.parse("2026-11-26T17:41:25.1Z")).isEqualTo(Instant.parse("2026-11-26T17:41:25.100Z"));
		assertThat(IsoInstants.parse("2026-11-26T17:41:25.1234Z"))
			.isEqualTo(Instant.parse("2026-11-26T17:41:25.123400Z"));
	}

	@Test
	void anythingElseIsNotReadHere() {
		for (String text : new String[] { "", "2026-11-26", "2026-11-26T17:41:25", "2026-11-26T17:41:25.Z",
				"2026-11-26T17:41Z", "2026-11-26T17:41:25+01:00", "2026-02-30T10:00:00Z", "2026-11-26T24:00:00Z",
				"2026-1x-26T17:41:25Z", "2026-11-26 17:41:25Z", "2026-11-26T17:41:25.1234567890Z" }) {
			assertThat(IsoInstants.parse(text)).as(text).isNull();
		}
	}

	@Test
	void eventsCarryTheSameTextAndReadOtherFormsAsBefore() {
		UUID id = UUID.fromString("8a7c2f4e-3f1b-4c52-9d7e-2b1e0c6a9f10");
		MessageSent sent = new MessageSent(id, "smsc-a", java.util.List.of(), Instant.parse("2026-11-26T17:41:25.120Z"),
				null);
		String json = new String(EventJson.write(sent), StandardCharsets.UTF_8);
		assertThat(json).contains("\"2026-11-26T17:41:25.120Z\"");
		assertThat(EventJson.read(json, MessageSent.class)).isEqualTo(sent);
		// an offset, as another producer may write it, still goes through Jackson's own reader
		String offset = json.replace("2026-11-26T17:41:25.120Z", "2026-11-26T18:41:25.120+01:00");
		assertThat(EventJson.read(offset, MessageSent.class).sentAt()).isEqualTo(sent.sentAt());
	}

}
