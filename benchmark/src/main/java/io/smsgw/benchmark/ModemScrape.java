package io.smsgw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The modem connector's figures a fault run reads from its {@code /actuator/prometheus} (open without a token). */
final class ModemScrape {

	private static final Pattern SENDS = Pattern
		.compile("^sms_modem_sends_total\\{[^}]*modem=\"([^\"]+)\"[^}]*outcome=\"([^\"]+)\"[^}]*} (\\S+)$");

	private ModemScrape() {
	}

	/** The Prometheus text of the service at {@code url}, empty when it does not answer. */
	static String text(HttpClient http, String url) {
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build(), BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** {@code sms_modem_modems_up} of {@code rack}, 0 when absent. */
	static int modemsUp(String text, String rack) {
		for (String line : text.split("\n")) {
			if (line.startsWith("sms_modem_modems_up{") && line.contains("rack=\"" + rack + "\"")) {
				return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	/** {@code sms_modem_sends_total} by {@code modem|outcome}, summed over racks. */
	static Map<String, Double> sends(String text) {
		Map<String, Double> sends = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			Matcher m = SENDS.matcher(line);
			if (m.matches()) {
				sends.merge(m.group(1) + "|" + m.group(2), Double.parseDouble(m.group(3)), Double::sum);
			}
		}
		return sends;
	}

}
