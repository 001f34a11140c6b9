package io.smsgw.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one fault scenario, from the outside: what the load driver got (202s, connection
 * errors, other answers), what the SMSC received, what the tenant's webhook received.
 *
 * @param scenario the scenario's name, e.g. {@code kill-router}
 * @param fault what was done
 * @param faultSeconds from the fault to the end of the recovery step (service ready, broker up, link up)
 * @param requests requests the driver made
 * @param accepted requests answered 202
 * @param connectionErrors requests with no answer (refused, lost, timed out), by kind
 * @param refusals requests answered otherwise than 202, by status
 * @param submitsAtSmsc submit_sm answered ESME_ROK for accepted messages (in {@code modem-vanish}: SMS-SUBMITs
 *        the modem rack answered {@code +CMGS}; the other "SMSC" counts likewise)
 * @param uniqueAtSmsc accepted messages with at least one such submit
 * @param submittedTwice accepted messages the SMSC took more than once (at least once at the SMSC: allowed)
 * @param storedWithout202 messages whose request got no 202 and that reached the SMSC anyway (stored before the answer was lost)
 * @param finalStatuses accepted messages by final status called back
 * @param callbacks callbacks received for accepted messages
 * @param duplicateCallbacks copies of an event id already received (must be 0), crash redeliveries apart
 * @param redeliveredAfterCrash copies of an event id whose first copy arrived before webhook-service was killed
 * @param notAtSmsc accepted, never at the SMSC (lost)
 * @param notFinal accepted, no final status called back within the bound
 * @param notFinalInApi the API's status of the messages without a final callback
 * @param lastFinalAfterFaultEndSeconds from the end of the fault to the last final callback
 * @param boundSeconds the longest wait allowed for that
 * @param passed 0 lost, 0 duplicate callbacks, every message delivered within the bound
 */
public record FaultTally(String scenario, String fault, double faultSeconds, long requests, int accepted,
		Map<String, Integer> connectionErrors, Map<String, Integer> refusals, int submitsAtSmsc, int uniqueAtSmsc,
		int submittedTwice, int storedWithout202, Map<String, Integer> finalStatuses, int callbacks,
		int duplicateCallbacks, int redeliveredAfterCrash, int notAtSmsc, int notFinal,
		Map<String, Integer> notFinalInApi, double lastFinalAfterFaultEndSeconds, int boundSeconds, boolean passed) {

	/** Accepted messages whose final status is not {@code delivered} (the simulator delivers every message). */
	public int notDelivered() {
		return this.accepted - this.finalStatuses.getOrDefault("delivered", 0);
	}

	/** Requests answered {@code HTTP 500}: a defect in any scenario (a service unavailable answers 503). */
	public int internalErrors() {
		return this.refusals.getOrDefault("HTTP 500", 0);
	}

	/** What failed, in words; empty when passed. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.fault.startsWith("RECOVERY FAILED")) {
			problems.add(this.fault);
		}
		if (this.accepted == 0) {
			problems.add("nothing accepted");
		}
		if (this.notAtSmsc > 0) {
			problems.add(this.notAtSmsc + " accepted never reached the SMSC");
		}
		if (this.notFinal > 0) {
			problems.add(this.notFinal + " without a final status after " + this.boundSeconds + " s (API says "
					+ this.notFinalInApi + ")");
		}
		if (this.notDelivered() > this.notFinal) {
			problems.add((notDelivered() - this.notFinal) + " final but not delivered: " + this.finalStatuses);
		}
		if (internalErrors() > 0) {
			problems.add(internalErrors() + " requests answered HTTP 500");
		}
		if (this.duplicateCallbacks > 0) {
			problems.add(this.duplicateCallbacks + " duplicate callbacks (same event id)");
		}
		if (this.lastFinalAfterFaultEndSeconds > this.boundSeconds) {
			problems.add("last final status " + this.lastFinalAfterFaultEndSeconds + " s after the fault ended");
		}
		return problems;
	}

	/**
	 * Counts a scenario.
	 * @param taken the destinations of every message the network took (submit_sm answered ESME_ROK, or SMS-SUBMIT
	 *        answered {@code +CMGS}), the whole run's
	 * @param crashCutoffMicros when webhook-service was killed: until when a callback can only have been sent by
	 *        the killed process (epoch µs), 0 when it was not killed; an event id whose first copy came before
	 *        then and was repeated is a redelivery after the crash (at least once), not a duplicate
	 * @param faultEndMicros when the recovery step ended
	 */
	static FaultTally count(String scenario, String fault, double faultSeconds, FaultLoad load,
			List<String> taken, WebhookReceiver receiver, long crashCutoffMicros, long faultEndMicros,
			int boundSeconds) {
		Map<Long, String> accepted = load.accepted();
		long first = load.firstSeq();
		long end = first + FaultRun.SEQ_BLOCK;
		Map<Long, Integer> submits = new HashMap<>();
		for (String destination : taken) {
			long seq = LoadDriver.seqOf(destination);
			if (seq >= first && seq < end) {
				submits.merge(seq, 1, Integer::sum);
			}
		}
		int submitsAtSmsc = 0;
		int unique = 0;
		int twice = 0;
		int callbacks = 0;
		int notFinal = 0;
		long lastFinal = 0;
		Map<String, Integer> finals = new TreeMap<>();
		Map<String, Integer> inApi = new TreeMap<>();
		for (Map.Entry<Long, String> message : accepted.entrySet()) {
			int n = submits.getOrDefault(message.getKey(), 0);
			submitsAtSmsc += n;
			unique += (n > 0) ? 1 : 0;
			twice += (n > 1) ? 1 : 0;
			WebhookReceiver.Callbacks got = receiver.of(message.getValue());
			if (got != null) {
				callbacks += got.count();
			}
			if (got == null || got.finalStatus() == null) {
				notFinal++;
				inApi.merge(load.status(message.getValue()), 1, Integer::sum);
			}
			else {
				finals.merge(got.finalStatus(), 1, Integer::sum);
				lastFinal = Math.max(lastFinal, got.finalMicros());
			}
		}
		int storedWithout202 = (int) submits.keySet().stream().filter((seq) -> !accepted.containsKey(seq)).count();
		int duplicates = 0;
		int redelivered = 0;
		java.util.Set<String> ids = new java.util.HashSet<>(accepted.values());
		for (WebhookReceiver.Repeat repeat : receiver.repeats()) {
			if (!ids.contains(repeat.messageId())) {
				continue;
			}
			if (crashCutoffMicros > 0 && repeat.firstMicros() <= crashCutoffMicros) {
				redelivered += repeat.count() - 1;
			}
			else {
				duplicates += repeat.count() - 1;
			}
		}
		double after = (lastFinal > 0) ? Math.max(0, (lastFinal - faultEndMicros) / 100_000) / 10.0 : 0;
		FaultTally tally = new FaultTally(scenario, fault, faultSeconds, load.requests(), accepted.size(),
				load.connectionErrors(), load.refusals(), submitsAtSmsc, unique, twice, storedWithout202, finals,
				callbacks, duplicates, redelivered, accepted.size() - unique, notFinal, inApi, after, boundSeconds,
				false);
		return tally.withPassed(tally.problems().isEmpty());
	}

	private FaultTally withPassed(boolean passed) {
		return new FaultTally(this.scenario, this.fault, this.faultSeconds, this.requests, this.accepted,
				this.connectionErrors, this.refusals, this.submitsAtSmsc, this.uniqueAtSmsc, this.submittedTwice,
				this.storedWithout202, this.finalStatuses, this.callbacks, this.duplicateCallbacks,
				this.redeliveredAfterCrash, this.notAtSmsc, this.notFinal, this.notFinalInApi,
				this.lastFinalAfterFaultEndSeconds, this.boundSeconds, passed);
	}

}
