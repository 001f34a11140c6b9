package io.smsgw.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smsgw.simulator.modem.PtyPair;
import io.smsgw.simulator.modem.SimulatedModemRack;
import io.smsgw.simulator.modem.SubmitPduDecoder.Submit;

/**
 * The modem side of a fault run: a rack of simulated modems on socat pty pairs in the driver's
 * JVM (like the SMSC simulator), the properties pointing modem-connector-service at their ports,
 * the operator client that routes a destination prefix to the rack, the rack's metrics, and the
 * fault: a modem's port vanishing mid-send (USB unplugged) and coming back at the same path.
 */
public final class ModemRig implements AutoCloseable {

	/** The rack's connector id. */
	static final String RACK = "modems-bench";

	/** The label of the modem connector's process. */
	static final String CONNECTOR_LABEL = "modem-connector-service";

	static final String OPERATOR_TENANT = "operator";

	static final String OPERATOR_CLIENT = "bench-operator";

	private final Plan plan;

	private final SimulatedModemRack rack;

	private final String operatorSecret = UUID.randomUUID().toString();

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * What to start.
	 * @param modems how many simulated modems
	 * @param away how long a vanished port stays away before it is plugged back
	 * @param prefix the destination prefix (E.164 digits) routed to the rack
	 */
	public record Plan(int modems, Duration away, String prefix) {
	}

	private ModemRig(Plan plan, SimulatedModemRack rack) {
		this.plan = plan;
		this.rack = rack;
	}

	/** Whether socat (which makes the pseudo-terminals) is installed. */
	public static boolean available() {
		return PtyPair.socatAvailable();
	}

	/** Starts the simulated modems, each sending a status report 200 ms after a message. */
	static ModemRig start(Plan plan) {
		SimulatedModemRack rack = SimulatedModemRack.start(plan.modems(), null, plan.away());
		for (int i = 0; i < rack.size(); i++) {
			rack.modem(i).statusReports(true, 0x00, Duration.ofMillis(200));
		}
		return new ModemRig(plan, rack);
	}

	public Plan plan() {
		return this.plan;
	}

	/** The api-service seeds an operator client with scope {@code admin}. */
	Map<String, Object> apiProperties() {
		Map<String, Object> p = new LinkedHashMap<>();
		String seed = "sms.api.seed.tenants[0].";
		p.put(seed + "tenant-id", OPERATOR_TENANT);
		p.put(seed + "client-id", OPERATOR_CLIENT);
		p.put(seed + "client-secret", this.operatorSecret);
		p.put(seed + "scopes[0]", "admin");
		return p;
	}

	/** modem-connector-service: one rack, one modem per port, a budget the simulators can keep. */
	Map<String, Object> connectorProperties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("sms.modem.racks[0].id", RACK);
		for (int i = 0; i < this.rack.size(); i++) {
			String modem = "sms.modem.racks[0].modems[" + i + "].";
			p.put(modem + "id", modemId(i));
			p.put(modem + "port", this.rack.port(i));
			p.put(modem + "messages-per-minute", 1200);
		}
		// a vanished port is looked for again every 2 s (15 s in production)
		p.put("sms.modem.reconnect-interval", "2s");
		return p;
	}

	/** Routes the plan's prefix to the rack through the router's admin API, as an operator would. */
	void route(String apiUrl, List<String> routerUrls, String tenant, Duration timeout) throws Exception {
		new OperatorRoute(apiUrl, OPERATOR_CLIENT, this.operatorSecret).routePrefix(routerUrls, RACK,
				this.plan.prefix(), tenant, "+" + this.plan.prefix() + "000000", timeout);
	}

	/** Waits until the connector has every modem open and ready. */
	void awaitAllUp(String connectorUrl, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (modemsUp(connectorUrl) < this.rack.size()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + modemsUp(connectorUrl) + " of " + this.rack.size()
						+ " modems up after " + timeout);
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Modem 0's port vanishes at its next {@code AT+CMGS} (after the command, before the prompt),
	 * stays away for the plan's time, comes back at the same path; returns when the connector has
	 * it open and ready again.
	 */
	Vanish vanishMidSend(String connectorUrl, Duration timeout) throws InterruptedException {
		Map<String, Double> before = sends(connectorUrl);
		this.rack.modem(0).vanishOnNextSend();
		Path port = Path.of(this.rack.port(0));
		long asked = System.nanoTime();
		while (Files.exists(port)) {
			if (System.nanoTime() - asked > timeout.toNanos()) {
				throw new IllegalStateException(modemId(0) + " got no message to send within " + timeout);
			}
			Thread.sleep(5);
		}
		long gone = System.nanoTime();
		List<Integer> atVanish = submitsPerModem();
		while (!Files.exists(port)) {
			if (System.nanoTime() - gone > this.plan.away().plus(timeout).toNanos()) {
				throw new IllegalStateException(modemId(0) + "'s port did not come back");
			}
			Thread.sleep(20);
		}
		long plugged = System.nanoTime();
		List<Integer> atReplug = submitsPerModem();
		awaitAllUp(connectorUrl, timeout);
		long up = System.nanoTime();
		Map<String, Double> after = sends(connectorUrl);
		String requeued = modemId(0) + "|requeued";
		int movedOff = (int) Math.round(after.getOrDefault(requeued, 0.0) - before.getOrDefault(requeued, 0.0));
		List<Integer> whileAway = new ArrayList<>();
		for (int i = 0; i < atVanish.size(); i++) {
			whileAway.add(atReplug.get(i) - atVanish.get(i));
		}
		return new Vanish(modemId(0), (plugged - gone) / 1e9, (up - plugged) / 1e9, movedOff, whileAway);
	}

	/**
	 * What happened in {@link #vanishMidSend}.
	 * @param modem the modem that vanished
	 * @param awaySeconds from the port's disappearance to its return
	 * @param reopenSeconds from its return to the connector reporting every modem up
	 * @param movedOff messages the connector moved off the vanished modem ({@code sms_modem_sends_total{outcome="requeued"}})
	 * @param sentWhileAway messages each modem took while the port was away
	 */
	public record Vanish(String modem, double awaySeconds, double reopenSeconds, int movedOff,
			List<Integer> sentWhileAway) {

		String describe() {
			return String.format(java.util.Locale.ROOT,
					"%s's port vanished at its AT+CMGS (USB unplugged), away %.1f s, plugged back, open and ready "
							+ "again %.1f s later; %d moved off it; sent while away per modem %s",
					this.modem, this.awaySeconds, this.reopenSeconds, this.movedOff, this.sentWhileAway);
		}

	}

	/** The destinations (E.164 without '+') of every message a modem took and answered {@code +CMGS}. */
	List<String> submittedDestinations() {
		List<String> destinations = new ArrayList<>();
		for (int i = 0; i < this.rack.size(); i++) {
			for (Submit submit : this.rack.modem(i).submits()) {
				String to = submit.destination();
				destinations.add(to.startsWith("+") ? to.substring(1) : to);
			}
		}
		return destinations;
	}

	/** Messages each modem took so far. */
	List<Integer> submitsPerModem() {
		List<Integer> counts = new ArrayList<>();
		for (int i = 0; i < this.rack.size(); i++) {
			counts.add(this.rack.modem(i).submits().size());
		}
		return counts;
	}

	static String modemId(int index) {
		return "modem-" + (index + 1);
	}

	private int modemsUp(String connectorUrl) {
		return ModemScrape.modemsUp(ModemScrape.text(this.http, connectorUrl), RACK);
	}

	private Map<String, Double> sends(String connectorUrl) {
		return ModemScrape.sends(ModemScrape.text(this.http, connectorUrl));
	}

	@Override
	public void close() {
		this.rack.close();
	}

}
