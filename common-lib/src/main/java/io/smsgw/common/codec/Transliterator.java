package io.smsgw.common.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Replaces typographic characters that GSM-7 lacks with their GSM equivalents (curly quotes,
 * dashes, ellipsis, exotic spaces, bullets, a few accented letters), so that a text a word
 * processor touched still goes as GSM-7 instead of UCS-2. A tenant switches it on; the result
 * says what was replaced.
 */
public final class Transliterator {

	private static final Map<Character, String> TABLE = table();

	private Transliterator() {
	}

	private static Map<Character, String> table() {
		Map<Character, String> table = new HashMap<>();
		put(table, "'", "\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02BB\u00B4\u0060\u2039\u203A");
		put(table, "\"", "\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u275D\u275E");
		put(table, "-", "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u2022\u2023\u2219\u25E6\u00B7\u30FB");
		put(table, " ", "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t");
		put(table, "", "\u200B\u2060\uFEFF\u00AD");
		put(table, "...", "\u2026");
		put(table, "a", "áâãāăą");
		put(table, "A", "ÁÂÃĀĂĄ");
		put(table, "c", "ćč");
		put(table, "C", "ĆČ");
		put(table, "Ç", "ç");
		put(table, "e", "êëēėęě");
		put(table, "E", "ÈÊËĒĖĘĚ");
		put(table, "i", "íîïīįı");
		put(table, "I", "ÌÍÎÏĪĮİ");
		put(table, "o", "óôõōőœ");
		put(table, "O", "ÒÓÔÕŌŐŒ");
		put(table, "u", "úûūůűų");
		put(table, "U", "ÙÚÛŪŮŰŲ");
		put(table, "n", "ńň");
		put(table, "s", "śšşș");
		put(table, "S", "ŚŠŞȘ");
		put(table, "z", "źżž");
		put(table, "Z", "ŹŻŽ");
		put(table, "g", "ğ");
		put(table, "G", "Ğ");
		put(table, "l", "ł");
		put(table, "L", "Ł");
		put(table, "y", "ýÿ");
		put(table, "Y", "ÝŸ");
		put(table, "t", "ţț");
		put(table, "T", "ŢȚ");
		put(table, "(C)", "©");
		put(table, "(R)", "®");
		put(table, "TM", "™");
		put(table, "x", "×");
		put(table, "/", "÷");
		return Map.copyOf(table);
	}

	private static void put(Map<Character, String> table, String replacement, String originals) {
		for (char c : originals.toCharArray()) {
			table.put(c, replacement);
		}
	}

	/** The replacement the table holds for a char, or {@code null}. */
	public static String replacementOf(char c) {
		return TABLE.get(c);
	}

	/**
	 * Replaces the chars that {@code encodable} refuses and the table knows; chars it accepts are
	 * left alone, even when the table knows them.
	 * @param text the text
	 * @param encodable whether a char can be sent as it is
	 */
	public static Transliteration apply(String text, IntPredicate encodable) {
		StringBuilder out = null;
		Map<Character, List<Integer>> positions = new LinkedHashMap<>();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = encodable.test(c) ? null : TABLE.get(c);
			if (replacement == null) {
				if (out != null) {
					out.append(c);
				}
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			out.append(replacement);
			positions.computeIfAbsent(c, (key) -> new ArrayList<>()).add(i);
		}
		if (out == null) {
			return new Transliteration(text, List.of());
		}
		List<Replacement> replacements = new ArrayList<>(positions.size());
		positions.forEach((c, at) -> replacements.add(new Replacement(String.valueOf(c), TABLE.get(c), at)));
		return new Transliteration(out.toString(), replacements);
	}

	/**
	 * A text after transliteration.
	 *
	 * @param text the text as it will be sent
	 * @param replacements what was replaced, in order of first occurrence; empty when nothing was
	 */
	public record Transliteration(String text, List<Replacement> replacements) {

		public Transliteration {
			replacements = List.copyOf(replacements);
		}

	}

}
