package io.smsgw.api.message;

import java.util.List;

import io.smsgw.common.codec.Replacement;

/**
 * One character that transliteration replaced, as the API reports it.
 *
 * @param original the character of the tenant's text
 * @param replacement what is sent instead (empty when the character was dropped)
 * @param count how many times it occurred
 * @param positions its UTF-16 indexes in the tenant's text, ascending
 */
public record ReplacementView(String original, String replacement, int count, List<Integer> positions) {

	public ReplacementView {
		positions = List.copyOf(positions);
	}

	/** The codec's replacements as the API shows them. */
	static List<ReplacementView> of(List<Replacement> replacements) {
		return replacements.stream()
			.map((r) -> new ReplacementView(r.original(), r.replacement(), r.count(), r.positions()))
			.toList();
	}

}
