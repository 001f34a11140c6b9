package io.smsgw.api.keyword;

import java.util.List;

/**
 * The STOP, START and HELP keywords of one language (folded, upper case), with the optional
 * auto-replies sent back to the sender.
 *
 * @param language the language code, e.g. {@code en}
 * @param stop keywords that opt the sender out
 * @param start keywords that opt the sender back in
 * @param help keywords that ask for help
 * @param stopReply text sent back after a STOP, or {@code null} for none
 * @param startReply text sent back after a START, or {@code null} for none
 * @param helpReply text sent back after a HELP, or {@code null} for none
 * @param custom whether the tenant set these itself ({@code false}: the service defaults)
 */
public record KeywordSet(String language, List<String> stop, List<String> start, List<String> help,
		String stopReply, String startReply, String helpReply, boolean custom) {

	/** The action a folded word asks for in this language, or {@code null}; STOP wins over START over HELP. */
	KeywordAction actionOf(String word) {
		if (this.stop.contains(word)) {
			return KeywordAction.STOP;
		}
		if (this.start.contains(word)) {
			return KeywordAction.START;
		}
		return this.help.contains(word) ? KeywordAction.HELP : null;
	}

	/** The auto-reply of an action, or {@code null}. */
	public String replyTo(KeywordAction action) {
		switch (action) {
			case STOP:
				return this.stopReply;
			case START:
				return this.startReply;
			default:
				return this.helpReply;
		}
	}

}
