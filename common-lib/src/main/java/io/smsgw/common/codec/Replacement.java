package io.smsgw.common.codec;

import java.util.List;

/**
 * One character the transliteration replaced, everywhere it occurred.
 *
 * @param original the character of the tenant's text
 * @param replacement what was sent instead (may be empty: zero-width characters are dropped)
 * @param positions the UTF-16 indexes of the original in the tenant's text, ascending
 */
public record Replacement(String original, String replacement, List<Integer> positions) {

	public Replacement {
		positions = List.copyOf(positions);
	}

	/** How many times it was replaced. */
	public int count() {
		return this.positions.size();
	}

}
