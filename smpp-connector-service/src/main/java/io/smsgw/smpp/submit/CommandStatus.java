package io.smsgw.smpp.submit;

import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * What a submit_sm_resp command_status means for the message.
 * <ul>
 * <li>{@link Verdict#ACCEPTED}: 0x00 ESME_ROK.</li>
 * <li>{@link Verdict#REQUEUE} (the SMSC is busy; offer the same message again later on the same
 * connector): 0x58 ESME_RTHROTTLED, 0x14 ESME_RMSGQFUL, 0x04 ESME_RINVBNDSTS.</li>
 * <li>{@link Verdict#PERMANENT} (the message itself is wrong; no route will take it):
 * {@link #PERMANENT_CODES}, e.g. 0x0B ESME_RINVDSTADR, 0x0A ESME_RINVSRCADR, 0x104 ESME_RINVDCS.</li>
 * <li>{@link Verdict#TRANSIENT} (this SMSC failed now; another route or a later try may work):
 * everything else, e.g. 0x08 ESME_RSYSERR, 0x45 ESME_RSUBMITFAIL, 0xFF ESME_RUNKNOWNERR and
 * vendor-specific codes.</li>
 * </ul>
 */
public final class CommandStatus {

	/** How a command_status is handled. */
	public enum Verdict {

		ACCEPTED, REQUEUE, PERMANENT, TRANSIENT;

		/** Whether a failed message may succeed elsewhere or later. */
		public boolean isRetriable() {
			return this != PERMANENT;
		}

	}

	/** Codes after which the message can never be sent as it is. */
	public static final Set<Integer> PERMANENT_CODES = Set.of(0x01, 0x06, 0x07, 0x0A, 0x0B, 0x0C, 0x15, 0x33, 0x40,
			0x42, 0x43, 0x48, 0x49, 0x50, 0x51, 0x61, 0x62, 0x63, 0x65, 0x66, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0x100,
			0x101, 0x102, 0x103, 0x104, 0x105, 0x106);

	private static final Set<Integer> REQUEUE_CODES = Set.of(0x58, 0x14, 0x04);

	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0x00, "ESME_ROK"),
			Map.entry(0x01, "ESME_RINVMSGLEN"), Map.entry(0x04, "ESME_RINVBNDSTS"), Map.entry(0x06, "ESME_RINVPRTFLG"),
			Map.entry(0x07, "ESME_RINVREGDLVFLG"), Map.entry(0x08, "ESME_RSYSERR"), Map.entry(0x0A, "ESME_RINVSRCADR"),
			Map.entry(0x0B, "ESME_RINVDSTADR"), Map.entry(0x0C, "ESME_RINVMSGID"), Map.entry(0x14, "ESME_RMSGQFUL"),
			Map.entry(0x15, "ESME_RINVSERTYP"), Map.entry(0x33, "ESME_RINVNUMDESTS"),
			Map.entry(0x40, "ESME_RINVDESTFLAG"), Map.entry(0x42, "ESME_RINVSUBREP"),
			Map.entry(0x43, "ESME_RINVESMCLASS"), Map.entry(0x45, "ESME_RSUBMITFAIL"),
			Map.entry(0x48, "ESME_RINVSRCTON"), Map.entry(0x49, "ESME_RINVSRCNPI"), Map.entry(0x50, "ESME_RINVDSTTON"),
			Map.entry(0x51, "ESME_RINVDSTNPI"), Map.entry(0x58, "ESME_RTHROTTLED"), Map.entry(0x61, "ESME_RINVSCHED"),
			Map.entry(0x62, "ESME_RINVEXPIRY"), Map.entry(0x63, "ESME_RINVDFTMSGID"),
			Map.entry(0x64, "ESME_RX_T_APPN"), Map.entry(0x65, "ESME_RX_P_APPN"), Map.entry(0x66, "ESME_RX_R_APPN"),
			Map.entry(0xC0, "ESME_RINVOPTPARSTREAM"), Map.entry(0xC1, "ESME_ROPTPARNOTALLWD"),
			Map.entry(0xC2, "ESME_RINVPARLEN"), Map.entry(0xC3, "ESME_RMISSINGOPTPARAM"),
			Map.entry(0xC4, "ESME_RINVOPTPARAMVAL"), Map.entry(0xFE, "ESME_RDELIVERYFAILURE"),
			Map.entry(0xFF, "ESME_RUNKNOWNERR"), Map.entry(0x104, "ESME_RINVDCS"));

	private CommandStatus() {
	}

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	/** The verdict on a command_status. */
	public static Verdict classify(int status) {
		if (status == 0) {
			return Verdict.ACCEPTED;
		}
		if (REQUEUE_CODES.contains(status)) {
			return Verdict.REQUEUE;
		}
		return PERMANENT_CODES.contains(status) ? Verdict.PERMANENT : Verdict.TRANSIENT;
	}

	/** The code as events carry it: {@code 0x0000000B}. */
	public static String code(int status) {
		return "0x" + HEX.toHexDigits(status);
	}

	/** The SMPP name of a code, or {@code vendor-specific 0x...}. */
	public static String name(int status) {
		String name = NAMES.get(status);
		return (name != null) ? name : "vendor-specific " + code(status);
	}

}
