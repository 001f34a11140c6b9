package io.smsgw.modem.at;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.smsgw.modem.sim.ScriptedLink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The echo of a command that comes after its command ended (a modem with echo still on that
 * answered {@code AT+CPIN="…"} after the timeout) is not an unsolicited code: it is dropped, and
 * what is logged of it, at DEBUG too, never carries the PIN.
 */
class LateEchoTests {

	private static final String PIN = "90817263";

	private final ScriptedLink link = new ScriptedLink();

	private final List<UnsolicitedCode> unsolicited = new CopyOnWriteArrayList<>();

	private final AtEngine engine = new AtEngine(this.link, this.unsolicited::add);

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger modemLogger = (Logger) LoggerFactory.getLogger("io.smsgw.modem");

	private Level level;

	@BeforeEach
	void capture() {
		this.level = this.modemLogger.getLevel();
		this.modemLogger.setLevel(Level.DEBUG);
		this.logs.start();
		this.modemLogger.addAppender(this.logs);
	}

	@AfterEach
	void close() {
		this.engine.close();
		this.modemLogger.detachAppender(this.logs);
		this.modemLogger.setLevel(this.level);
	}

	@Test
	void aLateEchoOfThePinCommandIsDroppedAndNeverLoggedInClear() throws Exception {
		this.link.on("AT+CPIN=\"" + PIN + "\"\r").on("AT+CSQ\r", "AT+CPIN=\"" + PIN + "\"\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
		this.engine.start();
		assertThatExceptionOfType(AtTimeoutException.class)
			.isThrownBy(() -> this.engine.execute("AT+CPIN=\"" + PIN + "\"", Duration.ofMillis(100)));

		this.link.push("AT+CPIN=\"" + PIN + "\"\r\r\n+CME ERROR: 16\r\n");
		await().atMost(Duration.ofSeconds(2)).until(() -> this.logs.list.stream()
			.anyMatch((event) -> event.getFormattedMessage().contains("+CME ERROR: 16")));
		AtResponse next = this.engine.execute("AT+CSQ", Duration.ofSeconds(2));

		assertThat(next.isOk()).isTrue();
		assertThat(next.lines()).containsExactly("+CSQ: 20,99");
		assertThat(this.unsolicited).isEmpty();
		assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch((line) -> line.contains("AT+CPIN=****"))
			.noneMatch((line) -> line.contains(PIN));
	}

}
