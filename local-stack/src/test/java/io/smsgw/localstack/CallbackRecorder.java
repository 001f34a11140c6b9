package io.smsgw.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A tenant's webhook endpoint for tests: records every request it gets and answers 204. */
final class CallbackRecorder implements AutoCloseable {

	private final HttpServer server;

	private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

	CallbackRecorder() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	List<Callback> callbacks() {
		return List.copyOf(this.callbacks);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			this.callbacks.add(new Callback(json, exchange.getRequestHeaders().getFirst("X-Smsgw-Signature"),
					exchange.getRequestHeaders().getFirst("X-Smsgw-Event-Id")));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Callback(String body, String signature, String eventId) {
	}

}
