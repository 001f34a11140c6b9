package io.smsgw.modem.at;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smsgw.modem.sim.ScriptedLink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The AT engine against transcripts of SIMCom / Quectel style modems.
 */
class AtEngineTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** The classic "hellohello" SMS-SUBMIT of 23 octets, without an SMSC address. */
	private static final String PDU = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";

	private final ScriptedLink link = new ScriptedLink();

	private final List<UnsolicitedCode> unsolicited = new CopyOnWriteArrayList<>();

	private final AtEngine engine = new AtEngine(this.link, this.unsolicited::add);

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void sendsThePduOnThePromptAndReadsTheMessageReference() throws Exception {
		this.link.on("AT+CMGS=23\r", "\r\n> ").on(PDU + "\u001A", "\r\n+CMGS: 12\r\n\r\nOK\r\n");
		this.engine.start();

		AtResponse response = this.engine.executeWithPrompt("AT+CMGS=23", PDU, TIMEOUT);

		assertThat(this.link.written()).containsExactly("AT+CMGS=23\r", PDU + "\u001A");
		assertThat(response.isOk()).isTrue();
		assertThat(response.info("+CMGS")).hasValue("12");
		assertThat(this.unsolicited).isEmpty();
	}

	@Test
	void takesAnUnsolicitedNewMessageOutOfTheMiddleOfACommand() throws Exception {
		this.link.on("AT+CMGS=23\r", "\r\n> ")
			.on(PDU + "\u001A", "\r\n+CMTI: \"SM\",3\r\n", "\r\n+CMGS: 13\r\n\r\nOK\r\n");
		this.engine.start();

		AtResponse response = this.engine.executeWithPrompt("AT+CMGS=23", PDU, TIMEOUT);

		assertThat(response.lines()).containsExactly("+CMGS: 13");
		assertThat(this.unsolicited).extracting(UnsolicitedCode::line).containsExactly("+CMTI: \"SM\",3");
		assertThat(this.unsolicited.get(0).name()).isEqualTo("+CMTI");
	}

	@Test
	void answersACmsErrorAsTheFinalResult() throws Exception {
		this.link.on("AT+CMGS=23\r", "\r\n> ").on(PDU + "\u001A", "\r\n+CMS ERROR: 38\r\n");
		this.engine.start();

		AtResponse response = this.engine.executeWithPrompt("AT+CMGS=23", PDU, TIMEOUT);

		assertThat(response.isOk()).isFalse();
		assertThat(response.result()).isEqualTo(new FinalResult(FinalResult.Kind.CMS_ERROR, "38"));
	}

	@Test
	void readsAnswersThatArriveInFragments() throws Exception {
		this.link.on("AT+CMGS=23\r", "\r", "\n>", " ").on(PDU + "\u001A", "\r\n+CM", "GS: 7\r\n\r\nO", "K\r\n");
		this.engine.start();

		AtResponse response = this.engine.executeWithPrompt("AT+CMGS=23", PDU, TIMEOUT);

		assertThat(response.info("+CMGS")).hasValue("7");
	}

	@Test
	void cancelsWithEscWhenNoPromptComes() {
		this.link.on("AT+CMGS=23\r");
		this.engine.start();

		assertThatExceptionOfType(AtTimeoutException.class)
			.isThrownBy(() -> this.engine.executeWithPrompt("AT+CMGS=23", PDU, Duration.ofMillis(200)));
		assertThat(this.link.written()).containsExactly("AT+CMGS=23\r", "\u001B");
	}

	@Test
	void neverTakesAnOkWithoutThePromptForASend() {
		this.link.on("AT+CMGS=23\r", "\r\nOK\r\n");
		this.engine.start();

		assertThatExceptionOfType(AtException.class)
			.isThrownBy(() -> this.engine.executeWithPrompt("AT+CMGS=23", PDU, TIMEOUT))
			.withMessageContaining("without a prompt");
		assertThat(this.link.written()).doesNotContain(PDU + "\u001A");
	}

	@Test
	void tellsARegistrationAnswerFromARegistrationChange() throws Exception {
		this.link.on("AT+CREG?\r", "\r\n+CREG: 0,1\r\n\r\nOK\r\n");
		this.engine.start();

		AtResponse response = this.engine.execute("AT+CREG?", TIMEOUT);
		this.link.push("\r\n+CREG: 5\r\n");

		assertThat(response.info("+CREG")).hasValue("0,1");
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.unsolicited).extracting(UnsolicitedCode::line)
				.containsExactly("+CREG: 5"));
	}

	@Test
	void keepsThePduLineWithAnIncomingMessage() {
		this.engine.start();

		this.link.push("\r\n+CMT: ,24\r\n07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07\r\n");

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(this.unsolicited).singleElement()
			.satisfies((code) -> {
				assertThat(code.name()).isEqualTo("+CMT");
				assertThat(code.pdu()).startsWith("07911326040000F0");
			}));
	}

	@Test
	void dropsTheEchoOfTheCommand() throws Exception {
		this.link.on("ATE0\r", "ATE0\r\r\nOK\r\n");
		this.engine.start();

		AtResponse response = this.engine.execute("ATE0", TIMEOUT);

		assertThat(response.isOk()).isTrue();
		assertThat(response.lines()).isEmpty();
	}

	@Test
	void failsACommandWhenTheLineBreaks() {
		this.link.on("AT+CSQ\r");
		this.engine.start();
		new Thread(() -> {
			sleep(100);
			this.link.close();
		}).start();

		assertThatExceptionOfType(AtException.class).isThrownBy(() -> this.engine.execute("AT+CSQ", TIMEOUT))
			.withMessageContaining("closed");
		assertThat(this.engine.isOpen()).isFalse();
	}

	@Test
	void masksPinsInWhatItLogs() {
		assertThat(AtEngine.masked("AT+CPIN=\"1234\"")).isEqualTo("AT+CPIN=****");
		assertThat(AtEngine.masked("at+cpwd=\"SC\",\"1234\",\"4321\"")).isEqualTo("at+cpwd=****");
		assertThat(AtEngine.masked("AT+CPIN?")).isEqualTo("AT+CPIN?");
	}

	@Test
	void timeoutMessagesNeverCarryThePin() {
		this.link.on("AT+CPIN=\"9876\"\r");
		this.engine.start();

		assertThatExceptionOfType(AtTimeoutException.class)
			.isThrownBy(() -> this.engine.execute("AT+CPIN=\"9876\"", Duration.ofMillis(100)))
			.withMessageNotContaining("9876");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
