package io.smsgw.api.keyword;

import java.util.List;

/**
 * {@code PUT /v1/keyword-sets/{language}}: a tenant's own keywords of one language. Missing lists
 * are empty; missing replies mean no auto-reply.
 *
 * @param stop keywords that opt the sender out
 * @param start keywords that opt the sender back in
 * @param help keywords that ask for help
 * @param stopReply text sent back after a STOP (1 to 480 characters), or none
 * @param startReply text sent back after a START, or none
 * @param helpReply text sent back after a HELP, or none
 */
public record KeywordSetRequest(List<String> stop, List<String> start, List<String> help, String stopReply,
		String startReply, String helpReply) {
}
