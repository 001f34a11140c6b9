package io.smsgw.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies FuzzIT does not make: invalid UTF-8 bytes, 10,000 levels of nesting, wrong types,
 * duplicate keys, numbers as strings, bodies over the size limit up to a 10 MB single line, with
 * and without a declared length. Never a 5xx, every refusal a problem document, and the service
 * answers normally afterwards.
 */
class HostileBodiesIT extends ApiTestSupport {

	private static final String VALID = "{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\"}";

	@Test
	void malformedBodiesAreProblemsNeverServerErrors() throws Exception {
		String token = token("client-a", "secret-a", null);
		List<byte[]> bodies = new ArrayList<>();
		for (String invalidUtf8 : new String[] { "C328", "FFFE", "C0AF", "EDA080", "F4908080", "E282", "80", "F8888080" }) {
			bodies.add(concat("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"", hex(invalidUtf8), "\"}"));
			bodies.add(concat("{\"to\":\"", hex(invalidUtf8), "\",\"from\":\"Acme\",\"body\":\"hi\"}"));
		}
		bodies.add(hex("FFFEFD00"));
		bodies.add(utf8("{\"body\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
		bodies.add(utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\",\"x\":" + "{\"a\":".repeat(10_000)
				+ "1" + "}".repeat(10_000) + "}"));
		bodies.add(utf8("[".repeat(10_000)));
		bodies.add(utf8("{\"to\":4915123456789,\"from\":[],\"body\":{}}"));
		bodies.add(utf8("{\"to\":true,\"from\":1.5,\"body\":null,\"validityPeriod\":\"forever\",\"sendAt\":12}"));
		bodies.add(utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\",\"validityPeriod\":[3600]}"));
		bodies.add(utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\",\"messageType\":7}"));
		bodies.add(utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\",\"validityPeriod\":1e400}"));
		bodies.add(utf8("\"just a string\""));
		bodies.add(utf8("null"));
		bodies.add(utf8(""));
		bodies.add(utf8("{\"to\":\"+4915123456789\"}{\"to\":\"+4915123456789\"}"));
		bodies.add(utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\u0000\"}"));
		List<String> wrong = new ArrayList<>();
		for (String path : List.of("/v1/messages", "/v1/messages/batch", "/v1/messages/preview")) {
			for (byte[] body : bodies) {
				HttpResponse<String> response = send(token, path, body);
				String refusal = refusal(response);
				if (refusal != null) {
					wrong.add(path + " " + preview(body) + " -> " + refusal);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(send(token, "/v1/messages", utf8(VALID)).statusCode()).isEqualTo(202);
	}

	@Test
	void duplicateKeysAndNumbersAsStringsAreDecidedNotCrashed() throws Exception {
		String token = token("client-a", "secret-a", null);
		HttpResponse<String> duplicate = send(token, "/v1/messages",
				utf8("{\"to\":\"+4915123456789\",\"to\":\"+33612345678\",\"from\":\"Acme\",\"body\":\"hi\"}"));
		assertThat(duplicate.statusCode()).isIn(202, 400);
		if (duplicate.statusCode() == 400) {
			assertThat(refusal(duplicate)).isNull();
		}
		else {
			// one reading only: the last value, as the stored message shows
			assertThat(json(duplicate).get("to").asString()).isEqualTo("+33612345678");
		}
		HttpResponse<String> quoted = send(token, "/v1/messages", utf8(
				"{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"hi\",\"validityPeriod\":\"3600\"}"));
		assertThat(quoted.statusCode()).isIn(202, 400);
		assertThat(refusal(quoted)).isNull();
	}

	@Test
	void oversizeBodiesAre413ProblemsUpToTenMegabytesOnOneLine() throws Exception {
		String token = token("client-a", "secret-a", null);
		byte[] line = utf8("{\"to\":\"+4915123456789\",\"from\":\"Acme\",\"body\":\"" + "x".repeat(10 * 1024 * 1024)
				+ "\"}");
		// declared length: refused before the body is read
		String declared = rawExchange(token, "Content-Length: " + line.length, (out) -> out.write(line));
		assertThat(declared).startsWith("HTTP/1.1 413").contains("application/problem+json", "\"status\":413");
		// chunked, no declared length: refused once 64 KB are read
		String chunked = rawExchange(token, "Transfer-Encoding: chunked", (out) -> {
			for (int at = 0; at < line.length; at += 8192) {
				int n = Math.min(8192, line.length - at);
				out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(line, at, n);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		});
		assertThat(chunked).startsWith("HTTP/1.1 413").contains("application/problem+json", "\"status\":413");
		assertThat(send(token, "/v1/messages", utf8(VALID)).statusCode()).isEqualTo(202);
	}

	/** What a body writer does with the connection's output. */
	private interface BodyWriter {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * Sends a POST with the given length header while a second thread writes the body (the server
	 * may answer and close before it is all written), and returns the head and start of the answer.
	 */
	private String rawExchange(String token, String lengthHeader, BodyWriter body) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\n" + lengthHeader + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			Thread writer = new Thread(() -> {
				try {
					body.write(out);
					out.flush();
				}
				catch (IOException ex) {
					// the server answered and closed: expected
				}
			});
			writer.start();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int n;
				while (!answer.toString(StandardCharsets.UTF_8).contains("}") && (n = in.read(buffer)) > 0) {
					answer.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				// reset after the answer
			}
			socket.close();
			writer.join(20_000);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	/** Null when the answer is a success or a well-formed client-error problem; what is wrong otherwise. */
	private static String refusal(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status < 400) {
			return null;
		}
		if (status >= 500) {
			return status + " " + response.body();
		}
		if (!response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
			return status + " without a problem document: " + response.body();
		}
		JsonNode problem = json(response);
		if (problem.get("status").asInt() != status || problem.get("title") == null) {
			return status + " malformed problem " + response.body();
		}
		if (response.body().contains("tools.jackson") || response.body().contains("Exception")) {
			return status + " leaks internals " + response.body();
		}
		return null;
	}

	private HttpResponse<String> send(String token, String path, byte[] body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "hostile-" + java.util.UUID.randomUUID())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

	private static byte[] concat(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			byte[] bytes = (part instanceof byte[] raw) ? raw : utf8(part.toString());
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}

	private static String preview(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (text.length() > 80) ? text.substring(0, 80) + "…(" + body.length + " bytes)" : text;
	}

}
