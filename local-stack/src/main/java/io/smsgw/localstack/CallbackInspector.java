package io.smsgw.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for trying the gateway by hand: prints every callback it receives and
 * answers 204. Listens on 127.0.0.1 only.
 */
final class CallbackInspector implements AutoCloseable {

	static final String PATH = "/callbacks";

	private final HttpServer server;

	private final PrintStream out;

	private CallbackInspector(HttpServer server, PrintStream out) {
		this.server = server;
		this.out = out;
	}

	static CallbackInspector start(int port, PrintStream out) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		CallbackInspector inspector = new CallbackInspector(server, out);
		server.createContext(PATH, inspector::handle);
		server.start();
		return inspector;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String json = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
			String signature = exchange.getRequestHeaders().getFirst("X-Smsgw-Signature");
			this.out.printf("callback <- %s%n           signature: %s%n", json,
					(signature != null) ? signature : "(none)");
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
