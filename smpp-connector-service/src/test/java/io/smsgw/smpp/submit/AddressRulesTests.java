package io.smsgw.smpp.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRulesTests {

	private final AddressRules rules = AddressRules.defaults();

	@Test
	void alphanumericSenderIsTon5Npi0() {
		assertThat(this.rules.source("ACME Corp")).isEqualTo(new SmppAddress(5, 0, "ACME Corp"));
		assertThat(this.rules.source("Shop24")).isEqualTo(new SmppAddress(5, 0, "Shop24"));
	}

	@Test
	void internationalSenderIsTon1Npi1WithoutPlus() {
		assertThat(this.rules.source("+4915112345678")).isEqualTo(new SmppAddress(1, 1, "4915112345678"));
		assertThat(this.rules.source("4915112345678")).isEqualTo(new SmppAddress(1, 1, "4915112345678"));
	}

	@Test
	void shortCodeSenderIsTon3Npi0() {
		assertThat(this.rules.source("12345")).isEqualTo(new SmppAddress(3, 0, "12345"));
		assertThat(this.rules.source("12345678")).isEqualTo(new SmppAddress(3, 0, "12345678"));
	}

	@Test
	void destinationIsTon1Npi1WithoutPlus() {
		assertThat(this.rules.destination("+4915112345678")).isEqualTo(new SmppAddress(1, 1, "4915112345678"));
	}

	@Test
	void rulesAreConfigurable() {
		AddressRules custom = new AddressRules(new TonNpi(5, 0), new TonNpi(0, 1), new TonNpi(6, 0), new TonNpi(0, 1),
				5);
		assertThat(custom.source("123456")).isEqualTo(new SmppAddress(0, 1, "123456"));
		assertThat(custom.source("12345")).isEqualTo(new SmppAddress(6, 0, "12345"));
		assertThat(custom.destination("+33612345678")).isEqualTo(new SmppAddress(0, 1, "33612345678"));
	}

}
