package io.smsgw.api.keyword;

/**
 * What an inbound keyword asks for: opt out, opt back in, or help. Its name is the
 * {@code action} of the {@code InboundRouted} event.
 */
public enum KeywordAction {

	/** Add the sender to the tenant's suppression list. */
	STOP,

	/** Remove the sender from the tenant's suppression list. */
	START,

	/** Nothing changes; the tenant may answer with its help text. */
	HELP

}
