package io.smsgw.smpp.submit;

/**
 * What came back for one submit_sm.
 *
 * @param partNumber 1-based part number
 * @param commandStatus the submit_sm_resp command_status, or {@code null} when no response came
 * (no bind up, window full, response timeout, link lost)
 * @param messageId the SMSC's message id as received, or {@code null}
 * @param problem why no response came, or {@code null}
 */
public record PartResult(int partNumber, Integer commandStatus, String messageId, String problem) {

	/** A response from the SMSC. */
	public static PartResult answered(int partNumber, int commandStatus, String messageId) {
		return new PartResult(partNumber, commandStatus, messageId, null);
	}

	/** No response: the message goes back to the queue. */
	public static PartResult unanswered(int partNumber, String problem) {
		return new PartResult(partNumber, null, null, problem);
	}

	/** The verdict on this part; {@link CommandStatus.Verdict#REQUEUE} when unanswered. */
	public CommandStatus.Verdict verdict() {
		return (this.commandStatus == null) ? CommandStatus.Verdict.REQUEUE
				: CommandStatus.classify(this.commandStatus);
	}

}
