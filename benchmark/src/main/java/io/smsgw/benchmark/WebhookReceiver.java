package io.smsgw.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's webhook endpoint, in the driver's JVM on 127.0.0.1: answers 204 to every callback
 * and keeps, per message, how many callbacks came, when, which final status, and how many repeated
 * an event id already received (a status delivered twice to the tenant).
 */
public final class WebhookReceiver implements AutoCloseable {

	static final Set<String> FINAL = Set.of("delivered", "undelivered", "expired", "rejected", "failed");

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile HttpServer server;

	private final int port;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final Map<String, Integer> events = new ConcurrentHashMap<>();

	private final Map<String, Callbacks> messages = new ConcurrentHashMap<>();

	private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

	private final Map<String, Repeat> repeats = new ConcurrentHashMap<>();

	public WebhookReceiver() throws IOException {
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	private HttpServer listen(int port) throws IOException {
		HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
		listening.createContext("/hooks", this::handle);
		listening.setExecutor(this.threads);
		listening.start();
		return listening;
	}

	/**
	 * Takes the endpoint down: callbacks being handled finish (at most 1 s), then the port is
	 * closed and every connection refused until {@link #restart()}.
	 */
	public synchronized void stop() {
		this.server.stop(1);
	}

	/** Listens again on the same port after {@link #stop()}. */
	public synchronized void restart() throws IOException {
		this.server = listen(this.port);
	}

	public String url() {
		return "http://127.0.0.1:" + this.port + "/hooks";
	}

	/** What arrived for a message so far, or {@code null}. */
	public Callbacks of(String messageId) {
		return this.messages.get(messageId);
	}

	private void handle(HttpExchange exchange) throws IOException {
		long now = Clocks.nowMicros();
		try (exchange; InputStream body = exchange.getRequestBody()) {
			JsonNode callback = this.json.readTree(body.readAllBytes());
			String eventId = callback.path("eventId").asText();
			String messageId = callback.path("messageId").asText();
			String status = callback.path("status").asText();
			int seen = this.events.merge(eventId, 1, Integer::sum);
			boolean repeated = seen > 1;
			long first = this.firstSeen.computeIfAbsent(eventId, (e) -> now);
			if (repeated) {
				this.repeats.put(eventId, new Repeat(eventId, messageId, status, first, now, seen));
			}
			this.messages.computeIfAbsent(messageId, (id) -> new Callbacks()).record(now, status, repeated);
			exchange.sendResponseHeaders(204, -1);
		}
		catch (RuntimeException ex) {
			exchange.sendResponseHeaders(400, -1);
		}
	}

	/** Every event id received more than once so far: when it came first and last, how often. */
	public List<Repeat> repeats() {
		return List.copyOf(this.repeats.values());
	}

	/**
	 * An event id received more than once.
	 * @param firstMicros when its first copy arrived (epoch µs)
	 * @param lastMicros when its latest copy arrived
	 * @param count copies received
	 */
	public record Repeat(String eventId, String messageId, String status, long firstMicros, long lastMicros, int count) {
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** The callbacks of one message. */
	public static final class Callbacks {

		private int count;

		private int repeated;

		private long firstMicros = Long.MAX_VALUE;

		private long lastMicros;

		private long finalMicros;

		private String finalStatus;

		synchronized void record(long micros, String status, boolean repeat) {
			this.count++;
			if (repeat) {
				this.repeated++;
			}
			this.firstMicros = Math.min(this.firstMicros, micros);
			this.lastMicros = Math.max(this.lastMicros, micros);
			if (this.finalStatus == null && FINAL.contains(status)) {
				this.finalStatus = status;
				this.finalMicros = micros;
			}
		}

		public synchronized int count() {
			return this.count;
		}

		/** Callbacks whose event id had already been received. */
		public synchronized int repeated() {
			return this.repeated;
		}

		public synchronized long firstMicros() {
			return this.firstMicros;
		}

		public synchronized long lastMicros() {
			return this.lastMicros;
		}

		/** When the first final status arrived (epoch µs), 0 if none yet. */
		public synchronized long finalMicros() {
			return this.finalMicros;
		}

		public synchronized String finalStatus() {
			return this.finalStatus;
		}

	}

}
