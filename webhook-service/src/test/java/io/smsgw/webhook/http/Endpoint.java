package io.smsgw.webhook.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server for the SSRF tests, on a given loopback address and a free port: records
 * the {@code Host} header of every request and answers what {@code answer} says.
 */
final class Endpoint implements AutoCloseable {

	private final HttpServer server;

	private final List<String> hosts = new CopyOnWriteArrayList<>();

	private Endpoint(HttpServer server) {
		this.server = server;
	}

	/** A server answering {@code 204} to everything. */
	static Endpoint start(String address) throws IOException {
		return start(address, (exchange) -> new Answer(204, null));
	}

	static Endpoint start(String address, Function<HttpExchange, Answer> answer) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
		Endpoint endpoint = new Endpoint(server);
		server.createContext("/", (exchange) -> {
			endpoint.hosts.add(exchange.getRequestHeaders().getFirst("Host"));
			exchange.getRequestBody().readAllBytes();
			Answer reply = answer.apply(exchange);
			if (reply.location() != null) {
				exchange.getResponseHeaders().add("Location", reply.location());
			}
			exchange.sendResponseHeaders(reply.status(), -1);
			exchange.close();
		});
		server.start();
		return endpoint;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/** The {@code Host} headers of the requests received so far. */
	List<String> hosts() {
		return List.copyOf(this.hosts);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** What the server answers: a status and maybe a {@code Location}. */
	record Answer(int status, String location) {
	}

}
