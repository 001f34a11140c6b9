package io.smsgw.modem.at;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the modem's byte stream into trimmed, non-empty lines, and recognises the {@code > }
 * prompt of {@code +CMGS}, which comes with no line end. A line longer than {@link #MAX_LINE}
 * (noise on the wire, a modem streaming garbage) is dropped whole, up to its line end, so that
 * it can neither grow without bound nor be read as an answer.
 */
final class LineFramer {

	/** The longest line kept: a +CMGL PDU line is under 400 characters, a +COPS=? list about 1,000. */
	static final int MAX_LINE = 4096;

	private final StringBuilder pending = new StringBuilder();

	private boolean discarding;

	/** Feeds bytes and answers the tokens they completed, in order. */
	List<Token> feed(byte[] bytes, int length) {
		List<Token> tokens = new ArrayList<>(2);
		for (int i = 0; i < length; i++) {
			char c = (char) (bytes[i] & 0xFF);
			if (c == '\r' || c == '\n') {
				if (this.discarding) {
					this.discarding = false;
				}
				else {
					flushLine(tokens);
				}
			}
			else if (!this.discarding) {
				if (this.pending.length() >= MAX_LINE) {
					this.pending.setLength(0);
					this.discarding = true;
				}
				else {
					this.pending.append(c);
				}
			}
		}
		if (this.pending.length() <= 4 && this.pending.toString().trim().equals(">")) {
			this.pending.setLength(0);
			tokens.add(Token.PROMPT);
		}
		return tokens;
	}

	private void flushLine(List<Token> tokens) {
		String line = this.pending.toString().trim();
		this.pending.setLength(0);
		if (!line.isEmpty()) {
			tokens.add(new Token(line, false));
		}
	}

	/**
	 * A line from the modem, or the prompt.
	 *
	 * @param text the trimmed line
	 * @param prompt whether this is the {@code > } prompt
	 */
	record Token(String text, boolean prompt) {

		static final Token PROMPT = new Token(">", true);

	}

}
