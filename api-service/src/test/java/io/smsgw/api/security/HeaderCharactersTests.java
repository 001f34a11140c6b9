package io.smsgw.api.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's header checks without a regex give the same verdicts as Spring Security's defaults
 * for every character, alone and inside a bearer-token-like value.
 */
class HeaderCharactersTests {

	@Test
	void sameVerdictAsSpringsDefaultForEveryCodePoint() {
		List<Integer> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = new String(Character.toChars(codePoint));
			String inside = "Bearer eyJhbGciOiJSUzI1NiJ9." + alone + ".sig";
			if (HeaderCharacters.allowedValue(alone) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(alone)
					|| HeaderCharacters.allowedValue(inside) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(inside)
					|| HeaderCharacters.allowedName(alone) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(alone)) {
				differing.add(codePoint);
			}
		}
		assertThat(differing).isEmpty();
	}

	@Test
	void controlsAndUnassignedAreRefusedTextIsAllowed() {
		assertThat(HeaderCharacters.allowedValue("Bearer abc.DEF-123_~+/=")).isTrue();
		assertThat(HeaderCharacters.allowedValue("")).isTrue();
		assertThat(HeaderCharacters.allowedValue("Grüße 😀")).isTrue();
		assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
		assertThat(HeaderCharacters.allowedValue("a\r\nInjected: x")).isFalse();
		assertThat(HeaderCharacters.allowedValue("tab\there")).isTrue();
		assertThat(HeaderCharacters.allowedName("tab\there")).isFalse();
		assertThat(HeaderCharacters.allowedValue("del\u007f")).isFalse();
		assertThat(HeaderCharacters.allowedValue("c1\u0085")).isFalse();
		assertThat(HeaderCharacters.allowedValue("unassigned\u0378")).isFalse();
		// lone surrogates are assigned (category Cs) for the regex too
		assertThat(HeaderCharacters.allowedValue("lone\ud800")).isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test("lone\ud800"));
	}

}
