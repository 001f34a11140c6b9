package io.smsgw.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for tests, on 127.0.0.1 and a free port: records every request and answers
 * each path with scripted responses (then 200).
 */
final class RecordingReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

	private volatile Integer answerAll;

	private RecordingReceiver(HttpServer server) {
		this.server = server;
	}

	static RecordingReceiver start() throws IOException {
		return start(0);
	}

	/** A receiver on a given port (0: any free one), e.g. to bring a stopped receiver back on its port. */
	static RecordingReceiver start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		RecordingReceiver receiver = new RecordingReceiver(server);
		server.createContext("/", receiver::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		return receiver;
	}

	/** The port it listens on. */
	int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers every request with this status until set back to {@code null} (e.g. 503 while "down"). */
	void answerAll(Integer status) {
		this.answerAll = status;
	}

	/** Requests on a path the receiver accepted (answered 2xx), in arrival order. */
	List<Received> accepted(String path) {
		return requests(path).stream().filter((r) -> r.status() >= 200 && r.status() < 300).toList();
	}

	/** Every request accepted (answered 2xx), in arrival order. */
	List<Received> accepted() {
		return this.received.stream().filter((r) -> r.status() >= 200 && r.status() < 300).toList();
	}

	/** The absolute URL of a path on this receiver. */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Answers the next requests to a path with these responses, in order; later ones get 200. */
	void script(String path, Answer... answers) {
		this.scripts.put(path, new ArrayDeque<>(List.of(answers)));
	}

	/** Requests received on a path, in arrival order. */
	List<Received> requests(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String path = exchange.getRequestURI().getPath();
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
			long nanos = System.nanoTime();
			Integer all = this.answerAll;
			Deque<Answer> script = this.scripts.get(path);
			Answer answer = (all != null) ? Answer.status(all) : (script != null) ? script.poll() : null;
			if (answer == null) {
				answer = Answer.status(200);
			}
			this.received.add(new Received(exchange.getRequestMethod(), path, headers, body, nanos, answer.status()));
			if (answer.delay() != null) {
				sleep(answer.delay());
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(answer.status(), -1);
		}
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		((ExecutorService) this.server.getExecutor()).shutdownNow();
	}

	/** A scripted response. */
	record Answer(int status, Map<String, String> headers, Duration delay) {

		static Answer status(int status) {
			return new Answer(status, Map.of(), null);
		}

		static Answer status(int status, String header, String value) {
			return new Answer(status, Map.of(header, value), null);
		}

		static Answer after(Duration delay, int status) {
			return new Answer(status, Map.of(), delay);
		}

	}

	/** One received request; {@code nanos} is {@link System#nanoTime()} at arrival, {@code status} the answer. */
	record Received(String method, String path, Map<String, String> headers, byte[] body, long nanos, int status) {

		String header(String name) {
			return this.headers.get(name);
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
