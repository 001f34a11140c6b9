package io.smsgw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The few figures a soak reads from a service's {@code /actuator/prometheus} (open without a
 * token): heap in use, the live data after the last collection of the old generation, and the
 * backlog gauges and consumer lag. {@code -1} where the service does not export the figure.
 *
 * @param heapUsedMb {@code jvm_memory_used_bytes{area="heap"}}, summed over the pools
 * @param liveDataMb {@code jvm_gc_live_data_size_bytes}
 * @param kafkaLag {@code kafka_consumer_fetch_manager_records_lag} summed over its partitions
 * @param pendingWebhooks {@code sms_webhook_pending} (webhook-service)
 * @param outboxLag {@code sms_outbox_lag} (api-service)
 */
record PrometheusScrape(double heapUsedMb, double liveDataMb, double kafkaLag, double pendingWebhooks,
		double outboxLag) {

	static final PrometheusScrape NONE = new PrometheusScrape(-1, -1, -1, -1, -1);

	private static final double MB = 1024.0 * 1024.0;

	/** Scrapes {@code http://127.0.0.1:port/actuator/prometheus}; {@link #NONE} when it does not answer. */
	static PrometheusScrape of(HttpClient http, int port) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build();
			var response = http.send(request, BodyHandlers.ofString());
			return (response.statusCode() == 200) ? parse(response.body()) : NONE;
		}
		catch (IOException ex) {
			return NONE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return NONE;
		}
	}

	/** Reads the figures from the Prometheus text format. */
	static PrometheusScrape parse(String text) {
		double heap = -1;
		double live = -1;
		double lag = -1;
		double pending = -1;
		double outbox = -1;
		for (String line : text.split("\n")) {
			if (line.isEmpty() || line.charAt(0) == '#') {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				continue;
			}
			String name = line.substring(0, (brace > 0 && brace < space) ? brace : line.indexOf(' '));
			double value;
			try {
				value = Double.parseDouble(line.substring(space + 1).trim());
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				continue;
			}
			switch (name) {
				case "jvm_memory_used_bytes" -> {
					if (line.contains("area=\"heap\"")) {
						heap = add(heap, value / MB);
					}
				}
				case "jvm_gc_live_data_size_bytes" -> live = value / MB;
				case "kafka_consumer_fetch_manager_records_lag" -> {
					if (line.contains("partition=")) {
						lag = add(lag, value);
					}
				}
				case "sms_webhook_pending" -> pending = value;
				case "sms_outbox_lag" -> outbox = value;
				default -> {
				}
			}
		}
		return new PrometheusScrape(heap, live, lag, pending, outbox);
	}

	private static double add(double sum, double value) {
		return (sum < 0) ? value : sum + value;
	}

}
