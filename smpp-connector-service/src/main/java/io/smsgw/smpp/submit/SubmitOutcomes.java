package io.smsgw.smpp.submit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.MessageSent.SentPart;

/**
 * Folds the results of a message's parts into one outcome: sent only when every part was
 * accepted; otherwise the worst part decides (permanent failure, then transient failure, then
 * requeue).
 */
public final class SubmitOutcomes {

	private SubmitOutcomes() {
	}

	public static DispatchOutcome combine(List<PartResult> results) {
		if (results.isEmpty()) {
			return new DispatchOutcome.Failed("NO_PARTS", "message has no parts", false);
		}
		PartResult worst = results.stream().max(Comparator.comparingInt(SubmitOutcomes::severity)).orElseThrow();
		switch (worst.verdict()) {
			case ACCEPTED:
				List<SentPart> parts = new ArrayList<>(results.size());
				results.stream()
					.sorted(Comparator.comparingInt(PartResult::partNumber))
					.forEach((r) -> parts.add(new SentPart(r.partNumber(), MessageIds.normalise(r.messageId()))));
				return new DispatchOutcome.Sent(parts);
			case REQUEUE:
				return new DispatchOutcome.Requeue((worst.commandStatus() != null)
						? CommandStatus.name(worst.commandStatus()) + " on part " + worst.partNumber()
						: worst.problem());
			default:
				int status = worst.commandStatus();
				return new DispatchOutcome.Failed(CommandStatus.code(status),
						CommandStatus.name(status) + " on part " + worst.partNumber() + " of " + results.size(),
						worst.verdict().isRetriable());
		}
	}

	private static int severity(PartResult result) {
		return switch (result.verdict()) {
			case ACCEPTED -> 0;
			case REQUEUE -> 1;
			case TRANSIENT -> 2;
			case PERMANENT -> 3;
		};
	}

}
