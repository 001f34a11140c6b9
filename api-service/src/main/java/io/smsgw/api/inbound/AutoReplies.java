package io.smsgw.api.inbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.smsgw.api.keyword.KeywordSets.Match;
import io.smsgw.api.message.MessageIntake;
import io.smsgw.api.number.NumberStore.Owner;

/**
 * Answers a STOP, START or HELP keyword with the tenant's reply text for that language, when it
 * set one: an ordinary message from the number or short code that received the keyword, sent in
 * the same transaction as the inbound message is stored (so a replay sends nothing twice).
 */
@Component
class AutoReplies {

	private static final Logger log = LoggerFactory.getLogger(AutoReplies.class);

	private final MessageIntake intake;

	AutoReplies(MessageIntake intake) {
		this.intake = intake;
	}

	void reply(Owner owner, String from, Match match) {
		String text = match.set().replyTo(match.action());
		if (text == null) {
			return;
		}
		String to = InboundProcessor.senderNumber(from);
		this.intake.acceptReply(owner.tenantId(), to, owner.address(), text)
			.ifPresentOrElse((id) -> log.debug("Auto-reply {} to a {} keyword of tenant {}", id, match.action(),
					owner.tenantId()),
					() -> log.info("No auto-reply to a {} keyword of tenant {}: the sender or the text cannot be used",
							match.action(), owner.tenantId()));
	}

}
