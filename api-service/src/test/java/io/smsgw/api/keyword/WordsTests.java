package io.smsgw.api.keyword;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How inbound texts are cut into keywords: case, accents, punctuation and trailing text.
 */
class WordsTests {

	@Test
	void foldsCaseAndAccents() {
		assertThat(Words.fold("Arrêt")).isEqualTo("ARRET");
		assertThat(Words.fold("kündigen")).isEqualTo("KUNDIGEN");
		assertThat(Words.fold("Straße")).isEqualTo("STRASSE");
		assertThat(Words.fold(null)).isNull();
	}

	@Test
	void firstWordsSkipPunctuationAndKeepOrder() {
		assertThat(Words.first("  stop, please!", 2)).containsExactly("STOP", "PLEASE");
		assertThat(Words.first("¡BAJA!", 1)).containsExactly("BAJA");
		assertThat(Words.first("Pizza: one margherita", 2)).containsExactly("PIZZA", "ONE");
		assertThat(Words.first("...", 2)).isEmpty();
		assertThat(Words.first("", 1)).isEmpty();
		assertThat(Words.first("Stopover", 1)).containsExactly("STOPOVER");
	}

	@Test
	void keywordsAreOneShortWord() {
		assertThat(Words.isKeyword("STOP")).isTrue();
		assertThat(Words.isKeyword("TWO WORDS")).isFalse();
		assertThat(Words.isKeyword("")).isFalse();
		assertThat(Words.isKeyword("X".repeat(33))).isFalse();
		assertThat(List.of("A1", "Ü")).allMatch((w) -> Words.isKeyword(Words.fold(w)));
	}

}
