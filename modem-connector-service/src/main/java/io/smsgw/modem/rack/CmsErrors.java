package io.smsgw.modem.rack;

import java.util.Map;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.modem.at.FinalResult;

/**
 * What a modem's error answer to {@code AT+CMGS} means: the codes of 3GPP TS 27.005 §3.2.5
 * (RP causes of TS 24.011 below 128, TP failure causes of TS 23.040 128–255, modem errors from
 * 300) sorted into retriable (another route or a later try may succeed) and permanent ones, and
 * whether the code says the modem itself (its SIM, its registration) is at fault. Codes not
 * listed are retriable: the router's bounded attempts end a hopeless message, while a permanent
 * verdict on an unknown code could lose a good one.
 */
public final class CmsErrors {

	/**
	 * One code's meaning.
	 *
	 * @param reason readable reason
	 * @param retriable whether another route or a later try may succeed
	 * @param modemFault whether the modem must be checked again before it sends more
	 */
	public record Meaning(String reason, boolean retriable, boolean modemFault) {
	}

	private static final Map<Integer, Meaning> TABLE = Map.ofEntries(
			permanent(1, "unassigned number"), permanent(8, "operator determined barring"),
			permanent(10, "call barred"), permanent(21, "short message transfer rejected"),
			retriable(27, "destination out of service"), permanent(28, "unidentified subscriber"),
			permanent(29, "facility rejected"), permanent(30, "unknown subscriber"),
			retriable(38, "network out of order"), retriable(41, "temporary failure"), retriable(42, "congestion"),
			retriable(47, "resources unavailable"), permanent(50, "requested facility not subscribed"),
			permanent(69, "requested facility not implemented"),
			permanent(81, "invalid short message transfer reference value"),
			permanent(95, "semantically incorrect message"), permanent(96, "invalid mandatory information"),
			permanent(97, "message type non-existent or not implemented"), retriable(111, "protocol error"),
			retriable(127, "interworking unspecified"), permanent(128, "telematic interworking not supported"),
			permanent(143, "unsupported TP-PID"), permanent(144, "data coding scheme not supported"),
			permanent(176, "TPDU not supported"), retriable(192, "SC busy"), retriable(193, "no SC subscription"),
			retriable(194, "SC system failure"), permanent(195, "invalid SME address"),
			permanent(196, "destination SME barred"), permanent(197, "SM rejected: duplicate SM"),
			permanent(198, "TP-VPF not supported"), permanent(199, "TP-VP not supported"),
			modem(300, "ME failure"), modem(301, "SMS service of ME reserved"), retriable(302, "operation not allowed"),
			retriable(303, "operation not supported"), permanent(304, "invalid PDU mode parameter"),
			permanent(305, "invalid text mode parameter"), modem(310, "SIM not inserted"),
			modem(311, "SIM PIN required"), modem(312, "PH-SIM PIN required"), modem(313, "SIM failure"),
			modem(314, "SIM busy"), modem(315, "SIM wrong"), modem(316, "SIM PUK required"),
			modem(320, "memory failure"), modem(330, "SMSC address unknown"), modem(331, "no network service"),
			retriable(332, "network timeout"), retriable(500, "unknown error"));

	private CmsErrors() {
	}

	/** The meaning of a {@code +CMS ERROR} code; unknown and non-numeric codes are retriable. */
	public static Meaning meaning(String code) {
		try {
			Meaning meaning = TABLE.get(Integer.parseInt(code.trim()));
			if (meaning != null) {
				return meaning;
			}
		}
		catch (NumberFormatException ex) {
			// a modem in verbose mode (AT+CMEE=2) answers text
		}
		return new Meaning("unknown error " + code, true, false);
	}

	/**
	 * The failed outcome of an error answer; error codes read {@code CMS:<n>}, {@code CME:<n>}
	 * or {@code ERROR}.
	 */
	public static DispatchOutcome.Failed failed(FinalResult result) {
		return switch (result.kind()) {
			case CMS_ERROR -> {
				Meaning meaning = meaning(result.code());
				yield new DispatchOutcome.Failed("CMS:" + result.code(), meaning.reason(), meaning.retriable());
			}
			case CME_ERROR -> new DispatchOutcome.Failed("CME:" + result.code(), "modem equipment error", true);
			default -> new DispatchOutcome.Failed("ERROR", "the modem answered ERROR", true);
		};
	}

	/** Whether an error answer says the modem itself is at fault. */
	public static boolean isModemFault(FinalResult result) {
		return switch (result.kind()) {
			case CMS_ERROR -> meaning(result.code()).modemFault();
			case CME_ERROR, ERROR -> true;
			default -> false;
		};
	}

	private static Map.Entry<Integer, Meaning> permanent(int code, String reason) {
		return Map.entry(code, new Meaning(reason, false, false));
	}

	private static Map.Entry<Integer, Meaning> retriable(int code, String reason) {
		return Map.entry(code, new Meaning(reason, true, false));
	}

	private static Map.Entry<Integer, Meaning> modem(int code, String reason) {
		return Map.entry(code, new Meaning(reason, true, true));
	}

}
