package io.smsgw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.benchmark.BenchmarkOptions.Mode;

/**
 * The tenant's application: takes one OAuth2 token, then sends messages to the REST API from a
 * number of concurrent clients, singly or in batches, at a fixed rate (requests scheduled on a
 * timetable, so a slow answer does not lower the offered rate) or as fast as the API answers.
 * Message {@code seq} goes to {@code +49151<seq, 8 digits>}, which the SMSC sees as its
 * destination: that is how submits are matched to messages.
 */
public final class LoadDriver {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String apiUrl;

	private final String callbackUrl;

	private final String token;

	public LoadDriver(String apiUrl, String clientId, String secret, String callbackUrl) throws Exception {
		this.apiUrl = apiUrl;
		this.callbackUrl = callbackUrl;
		this.token = token(clientId, secret);
	}

	private String token(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.apiUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=client_credentials&scope=messages:send%20messages:read"))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token: HTTP " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body()).path("access_token").asText();
	}

	/** The destination of message {@code seq}, as the SMSC sees it (E.164 without '+'). */
	public static String destination(long seq) {
		return String.format("49151%08d", seq);
	}

	/** The message number a destination of {@link #destination} stands for, or -1 for any other address. */
	public static long seqOf(String destination) {
		if (destination == null || destination.length() != 13 || !destination.startsWith("49151")) {
			return -1;
		}
		try {
			return Long.parseLong(destination.substring(5));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Sends {@code messages} messages numbered from {@code firstSeq} and returns when every request
	 * was answered.
	 * @param rate messages per second, 0 for as fast as possible
	 */
	public SendLog send(Mode mode, long firstSeq, int messages, int rate, int concurrency, int batchSize)
			throws InterruptedException {
		int unit = (mode == Mode.BATCH) ? batchSize : 1;
		int requests = (messages + unit - 1) / unit;
		SendLog sendLog = new SendLog(firstSeq, messages);
		AtomicInteger next = new AtomicInteger();
		long startNanos = System.nanoTime();
		sendLog.started(Clocks.nowMicros());
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
					if (rate > 0) {
						long due = startNanos + (long) (i * (double) unit * 1_000_000_000L / rate);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							sleepNanos(wait);
						}
					}
					int from = i * unit;
					int count = Math.min(unit, messages - from);
					sendLog.issued(count);
					request(mode, sendLog, firstSeq + from, count);
				}
			}, "load-" + w);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		sendLog.finished(Clocks.nowMicros());
		return sendLog;
	}

	/**
	 * Offers a soak's load: {@code sendLog.size()} messages at {@code rate} per second on a timetable
	 * (open loop), {@code batchPercent} % of them in batches of {@code batchSize} and the rest singly,
	 * interleaved (see {@link SoakSchedule}). Returns when every request was answered, or early when
	 * {@code stop} becomes true.
	 */
	public void soak(SendLog sendLog, int rate, int batchSize, int batchPercent, int concurrency,
			java.util.function.BooleanSupplier stop) throws InterruptedException {
		SoakSchedule schedule = new SoakSchedule(sendLog.size(), rate, batchSize, batchPercent);
		AtomicInteger next = new AtomicInteger();
		long startNanos = System.nanoTime();
		sendLog.started(Clocks.nowMicros());
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < schedule.requests() && !stop.getAsBoolean(); i = next.getAndIncrement()) {
					long wait = startNanos + schedule.dueNanos(i) - System.nanoTime();
					if (wait > 0) {
						sleepNanos(wait);
					}
					int from = schedule.firstMessage(i);
					int count = schedule.messages(i);
					sendLog.issued(count);
					request((count == 1 && !schedule.isBatch(i)) ? Mode.SINGLE : Mode.BATCH, sendLog,
							sendLog.firstSeq() + from, count);
				}
			}, "soak-load-" + w);
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		sendLog.finished(Clocks.nowMicros());
	}

	private void request(Mode mode, SendLog sendLog, long seq, int count) {
		String body;
		if (mode == Mode.SINGLE) {
			body = item(seq);
		}
		else {
			StringBuilder batch = new StringBuilder(count * 160).append("{\"messages\":[");
			for (int k = 0; k < count; k++) {
				batch.append((k > 0) ? "," : "").append(item(seq + k));
			}
			body = batch.append("]}").toString();
		}
		String path = (mode == Mode.SINGLE) ? "/v1/messages" : "/v1/messages/batch";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.apiUrl + path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(BodyPublishers.ofString(body))
			.build();
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			long now = Clocks.nowMicros();
			sendLog.latency((System.nanoTime() - sent) / 1_000, now);
			int status = response.statusCode();
			if (status == 202 && mode == Mode.SINGLE) {
				sendLog.accepted(seq, json.readTree(response.body()).path("id").asText(), now);
			}
			else if (status == 200 && mode == Mode.BATCH) {
				for (JsonNode result : json.readTree(response.body()).path("results")) {
					long itemSeq = seq + result.path("index").asInt();
					if ("accepted".equals(result.path("status").asText())) {
						sendLog.accepted(itemSeq, result.path("message").path("id").asText(), now);
					}
					else {
						sendLog.refused("item " + result.path("status").asText(), 1);
					}
				}
			}
			else {
				sendLog.refused("HTTP " + status, count);
			}
		}
		catch (IOException | RuntimeException ex) {
			sendLog.refused(ex.getClass().getSimpleName(), count);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			sendLog.refused("interrupted", count);
		}
	}

	private String item(long seq) {
		return "{\"to\":\"+" + destination(seq) + "\",\"from\":\"BENCH\",\"body\":\"Benchmark message " + seq
				+ ", sent by the load driver\",\"callbackUrl\":\"" + this.callbackUrl + "\"}";
	}

	private static void sleepNanos(long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
