package io.smsgw.api.keyword;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keyword normalization: the words of an inbound text as they are matched against keywords,
 * upper case with accents folded ({@code "arrêt"} is {@code ARRET}), punctuation dropped.
 */
public final class Words {

	/** The longest keyword. */
	public static final int MAX_LENGTH = 32;

	private Words() {
	}

	/** A word folded for matching: accents removed, upper case; {@code null} stays {@code null}. */
	public static String fold(String word) {
		if (word == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(word.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		return decomposed.replace("ß", "SS").toUpperCase(Locale.ROOT);
	}

	/** The first {@code n} words of a text, folded; a word is a run of letters and digits. */
	public static List<String> first(String text, int n) {
		List<String> words = new ArrayList<>(n);
		if (text == null) {
			return words;
		}
		String folded = fold(text.length() > 1000 ? text.substring(0, 1000) : text);
		int i = 0;
		while (words.size() < n && i < folded.length()) {
			while (i < folded.length() && !Character.isLetterOrDigit(folded.codePointAt(i))) {
				i += Character.charCount(folded.codePointAt(i));
			}
			int start = i;
			while (i < folded.length() && Character.isLetterOrDigit(folded.codePointAt(i))) {
				i += Character.charCount(folded.codePointAt(i));
			}
			if (i > start) {
				words.add(folded.substring(start, i));
			}
		}
		return words;
	}

	/** Whether a folded keyword is acceptable: 1 to {@link #MAX_LENGTH} letters or digits. */
	public static boolean isKeyword(String folded) {
		return folded != null && !folded.isEmpty() && folded.length() <= MAX_LENGTH
				&& folded.codePoints().allMatch(Character::isLetterOrDigit);
	}

}
