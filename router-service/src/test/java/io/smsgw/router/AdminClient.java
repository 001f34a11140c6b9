package io.smsgw.router;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the admin API in tests: status and JSON body. */
public final class AdminClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public AdminClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Sends a request with a token (or none when {@code token} is null) and an optional JSON body. */
	public Answer send(String method, String path, String token, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.method(method, (body != null) ? HttpRequest.BodyPublishers
					.ofString((body instanceof String text) ? text : JSON.writeValueAsString(body))
						: HttpRequest.BodyPublishers.noBody())
				.header("Content-Type", "application/json");
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Answer(response.statusCode(), (text == null || text.isBlank()) ? null : JSON.readTree(text),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An admin call with the admin scope. */
	public Answer admin(String method, String path, Object body) {
		return send(method, path, TestTokens.token("admin"), body);
	}

	/**
	 * @param status the HTTP status
	 * @param body the JSON body, or {@code null}
	 * @param contentType the content type
	 */
	public record Answer(int status, JsonNode body, String contentType) {

	}

}
