package io.smsgw.modem.at;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smsgw.modem.sim.ScriptedLink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Garbage from a modem — binary noise, partial lines, stray final results, prompts and PDU-like
 * hex with no command pending, overlong lines — never stops the AT engine, never becomes the
 * answer to the next command, and never grows a line without bound. Seeded, so a failure repeats.
 */
class AtEngineFuzzTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** Pieces of real modem output, to be cut and mixed into the noise. */
	private static final List<String> FRAGMENTS = List.of("OK", "ERROR", "+CMS ERROR: 500", "+CME ERROR: 10", "> ",
			"+CMGS: 12", "+CMTI: \"SM\",3", "+CDSI: \"SM\",4", "RING", "+CREG: 0,3", "+CSQ: 99,99", "NO CARRIER",
			"07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07", "\u001A", "\u001B",
			"\u0000", "\u00FF\u00FE", "+CM", "GS:", "\r", "\n", "\r\n");

	private final ScriptedLink link = new ScriptedLink();

	private final List<UnsolicitedCode> unsolicited = new CopyOnWriteArrayList<>();

	private final AtEngine engine = new AtEngine(this.link, this.unsolicited::add);

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void noiseBetweenCommandsNeverBreaksTheEngineNorAnswersTheNextCommand() throws Exception {
		Random random = new Random(20261126L);
		this.engine.start();
		for (int round = 0; round < 150; round++) {
			for (String chunk : noise(random)) {
				this.link.push(chunk);
			}
			// a line end, then a marker: once the marker is seen, all the noise before it was read
			String marker = "+CREG: " + (round % 6);
			this.link.push("\r\n" + marker + "\r\n");
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
				.until(() -> this.unsolicited.stream().anyMatch((u) -> u.line().equals(marker)));
			this.unsolicited.clear();

			this.link.on("AT+CSQ\r", "\r\n+CSQ: 2" + (round % 10) + ",99\r\n\r\nOK\r\n");
			AtResponse response = this.engine.execute("AT+CSQ", TIMEOUT);

			assertThat(response.isOk()).as("round %d", round).isTrue();
			assertThat(response.lines()).as("round %d", round).containsExactly("+CSQ: 2" + (round % 10) + ",99");
		}
	}

	@Test
	void anOverlongLineIsDroppedWholeAndTheNextLineIsRead() {
		LineFramer framer = new LineFramer();
		byte[] junk = "x".repeat(1000).getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < 100; i++) {
			assertThat(framer.feed(junk, junk.length)).isEmpty();
		}
		byte[] tail = "tail of the junk\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(framer.feed(tail, tail.length)).extracting(LineFramer.Token::text).containsExactly("OK");
	}

	/** A burst of noise, in chunks the size a serial read returns (at most 256 bytes). */
	private static List<String> noise(Random random) {
		StringBuilder text = new StringBuilder();
		int pieces = 1 + random.nextInt(12);
		for (int i = 0; i < pieces; i++) {
			switch (random.nextInt(4)) {
				case 0 -> text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
				case 1 -> {
					String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
					text.append(fragment, 0, random.nextInt(fragment.length() + 1));
				}
				case 2 -> {
					for (int b = random.nextInt(64); b > 0; b--) {
						text.append((char) random.nextInt(256));
					}
				}
				default -> text.append("x".repeat(random.nextInt(6000)));
			}
		}
		List<String> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < text.length(); i += 256) {
			chunks.add(text.substring(i, Math.min(text.length(), i + 256)));
		}
		return chunks;
	}

}
