package io.smsgw.modem.at;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.smsgw.modem.sim.LoopbackLink;
import io.smsgw.simulator.modem.ModemSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Initialisation of a simulated modem: the command sequence and the SIM PIN.
 */
class ModemInitializerTests {

	private final ModemInitializer initializer = new ModemInitializer(Duration.ofSeconds(2), Duration.ofMillis(10));

	@Test
	void turnsEchoOffAndPutsTheModemInPduMode() throws Exception {
		ModemSimulator modem = new ModemSimulator(null, 1);

		initialise(modem, null);

		assertThat(modem.commands()).containsExactly("AT", "ATE0", "AT+CMEE=1", "AT+CPIN?", "AT+CMGF=0",
				"AT+CNMI=2,1,0,2,0");
	}

	@Test
	void entersThePinWhenTheSimAsks() throws Exception {
		ModemSimulator modem = new ModemSimulator("4321", 1);

		initialise(modem, "4321");

		assertThat(modem.commands()).containsExactly("AT", "ATE0", "AT+CMEE=1", "AT+CPIN?", "AT+CPIN=\"4321\"",
				"AT+CPIN?", "AT+CMGF=0",
				"AT+CNMI=2,1,0,2,0");
	}

	@Test
	void triesARefusedPinOnlyOnce() {
		ModemSimulator modem = new ModemSimulator("4321", 1);

		assertThatExceptionOfType(SimLockedException.class).isThrownBy(() -> initialise(modem, "1111"))
			.withMessageContaining("refused")
			.withMessageNotContaining("1111");
		assertThat(modem.commands()).filteredOn((command) -> command.startsWith("AT+CPIN=")).hasSize(1);
		assertThat(modem.commands()).doesNotContain("AT+CMGF=0");
	}

	@Test
	void staysLockedWhenNoPinIsConfigured() {
		ModemSimulator modem = new ModemSimulator("4321", 1);

		assertThatExceptionOfType(SimLockedException.class).isThrownBy(() -> initialise(modem, null))
			.withMessageContaining("none is configured");
		assertThat(modem.commands()).noneMatch((command) -> command.startsWith("AT+CPIN="));
	}

	private void initialise(ModemSimulator modem, String pin) throws AtException {
		try (AtEngine engine = new AtEngine(new LoopbackLink("sim", modem), (code) -> {
		})) {
			engine.start();
			this.initializer.initialise(engine, pin);
		}
	}

}
