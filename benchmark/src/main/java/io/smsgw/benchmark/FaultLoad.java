package io.smsgw.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * The steady load of a fault run: single sends ({@code POST /v1/messages}) at a fixed rate on a
 * timetable (open loop: a request the API does not answer does not slow the others), from many
 * clients, until stopped. Only a {@code 202} counts as accepted; a connection refused, reset or
 * timed out is counted apart and the driver keeps going. A {@code 401} (the API restarted with a
 * new signing key) fetches a new token and sends the request once more. Message {@code seq} goes
 * to {@code +49151<seq, 8 digits>}.
 */
public final class FaultLoad {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String apiUrl;

	private final String clientId;

	private final String secret;

	private final String callbackUrl;

	private volatile String token;

	/** seq → message id, for every 202. */
	private final Map<Long, String> accepted = new ConcurrentHashMap<>();

	private final Map<String, Integer> connectionErrors = new ConcurrentHashMap<>();

	private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

	private final AtomicLong next = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final List<Thread> workers = new ArrayList<>();

	private long firstSeq;

	private volatile boolean running;

	public FaultLoad(String apiUrl, String clientId, String secret, String callbackUrl) throws Exception {
		this.apiUrl = apiUrl;
		this.clientId = clientId;
		this.secret = secret;
		this.callbackUrl = callbackUrl;
		this.token = token();
	}

	/** Starts sending {@code rate} messages a second from {@code clients} threads, numbered from {@code firstSeq}. */
	public void start(long firstSeq, int rate, int clients) {
		this.firstSeq = firstSeq;
		this.running = true;
		long startNanos = System.nanoTime();
		for (int w = 0; w < clients; w++) {
			Thread worker = new Thread(() -> {
				for (long i = this.next.getAndIncrement(); this.running; i = this.next.getAndIncrement()) {
					long wait = startNanos + (long) (i * 1_000_000_000.0 / rate) - System.nanoTime();
					if (wait > 0) {
						try {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						catch (InterruptedException ex) {
							return;
						}
					}
					if (!this.running) {
						return;
					}
					this.requests.incrementAndGet();
					send(firstSeq + i);
				}
			}, "fault-load-" + w);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	/** Stops the load and waits for the requests in flight to be answered or to time out. */
	public void stop() throws InterruptedException {
		this.running = false;
		for (Thread worker : this.workers) {
			worker.join();
		}
		this.workers.clear();
	}

	private void send(long seq) {
		try {
			HttpResponse<String> response = post(seq);
			if (response.statusCode() == 401) {
				refreshToken();
				response = post(seq);
			}
			if (response.statusCode() == 202) {
				this.accepted.put(seq, json.readTree(response.body()).path("id").asText());
			}
			else {
				this.refusals.merge("HTTP " + response.statusCode(), 1, Integer::sum);
			}
		}
		catch (ConnectException ex) {
			this.connectionErrors.merge("connection refused", 1, Integer::sum);
		}
		catch (HttpTimeoutException ex) {
			this.connectionErrors.merge("timed out", 1, Integer::sum);
		}
		catch (IOException ex) {
			this.connectionErrors.merge("connection lost", 1, Integer::sum);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			this.refusals.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
		}
	}

	private HttpResponse<String> post(long seq) throws IOException, InterruptedException {
		String body = "{\"to\":\"+" + LoadDriver.destination(seq) + "\",\"from\":\"FAULT\",\"body\":\"Fault run message "
				+ seq + "\",\"callbackUrl\":\"" + this.callbackUrl + "\"}";
		return this.http.send(HttpRequest.newBuilder(URI.create(this.apiUrl + "/v1/messages"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(15))
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	/** The API's status of a message ({@code GET /v1/messages/{id}}), or what went wrong asking. */
	public String status(String id) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.apiUrl + "/v1/messages/" + id))
				.header("Authorization", "Bearer " + this.token)
				.timeout(Duration.ofSeconds(10))
				.build(), BodyHandlers.ofString());
			return (response.statusCode() == 200) ? json.readTree(response.body()).path("status").asText()
					: "HTTP " + response.statusCode();
		}
		catch (IOException | RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private synchronized void refreshToken() {
		try {
			this.token = token();
		}
		catch (Exception ex) {
			// the API is not back yet: the request counts as refused
		}
	}

	private String token() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((this.clientId + ":" + this.secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.apiUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(15))
			.POST(BodyPublishers.ofString("grant_type=client_credentials&scope=messages:send%20messages:read"))
			.build(), BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token: HTTP " + response.statusCode());
		}
		return json.readTree(response.body()).path("access_token").asText();
	}

	public long firstSeq() {
		return this.firstSeq;
	}

	/** Requests made since start. */
	public long requests() {
		return this.requests.get();
	}

	/** seq → message id of every message accepted (a {@code 202}). */
	public Map<Long, String> accepted() {
		return new TreeMap<>(this.accepted);
	}

	/** Requests that got no answer, by kind. */
	public Map<String, Integer> connectionErrors() {
		return new TreeMap<>(this.connectionErrors);
	}

	/** Requests answered with something else than {@code 202}, by status. */
	public Map<String, Integer> refusals() {
		return new TreeMap<>(this.refusals);
	}

}
