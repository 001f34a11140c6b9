package io.smsgw.api.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client secrets, access tokens and Authorization header values never reach the logs (captured
 * from the root logger, with the service's and Spring Security's loggers at DEBUG, as an operator
 * chasing a problem would set them), and API answers show a secret only once: in the answer that
 * creates or rotates it.
 */
class SecretsNeverLeakIT extends ApiTestSupport {

	private static final List<String> DEBUG_LOGGERS = List.of("io.smsgw", "org.springframework.security",
			"org.springframework.web");

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	private final List<Level> levels = new ArrayList<>();

	@BeforeEach
	void capture() {
		this.captured.start();
		root().addAppender(this.captured);
		for (String name : DEBUG_LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.levels.add(logger.getLevel());
			logger.setLevel(Level.DEBUG);
		}
	}

	@AfterEach
	void release() {
		root().detachAppender(this.captured);
		for (int i = 0; i < DEBUG_LOGGERS.size(); i++) {
			((Logger) LoggerFactory.getLogger(DEBUG_LOGGERS.get(i))).setLevel(this.levels.get(i));
		}
	}

	@Test
	void noSecretTokenOrAuthorizationValueIsLoggedOrEchoed() throws Exception {
		List<String> secrets = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		String admin = adminToken();
		secrets.add(admin);
		String tenant = "leak-" + UUID.randomUUID().toString().substring(0, 8);
		answers.add(callJson("POST", "/v1/admin/tenants", admin, Map.of("id", tenant)).body());
		HttpResponse<String> created = callJson("POST", "/v1/admin/tenants/" + tenant + "/clients", admin,
				Map.of("scopes", List.of("messages:send", "messages:read")));
		String clientId = json(created).get("clientId").asString();
		String first = json(created).get("clientSecret").asString();
		HttpResponse<String> rotated = callJson("POST", "/v1/admin/clients/" + clientId + "/rotate", admin,
				Map.of("overlapSeconds", 600));
		String second = json(rotated).get("clientSecret").asString();
		String wrong = "wrong-" + UUID.randomUUID();
		secrets.addAll(List.of(first, second, wrong, credentials(clientId, first), credentials(clientId, second),
				credentials(clientId, wrong), credentials("no-such-client", wrong)));

		String token = token(clientId, first, null);
		String token2 = token(clientId, second, null);
		secrets.addAll(List.of(token, token2));
		answers.add(tokenAnswer(clientId, wrong));
		answers.add(tokenAnswer("no-such-client", wrong));
		answers.add(call("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
				"grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + wrong).body());

		HttpResponse<String> sent = postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body", "hello"));
		assertThat(sent.statusCode()).isEqualTo(202);
		answers.add(sent.body());
		answers.add(get(token2, "/v1/messages/" + json(sent).get("id").asString()).body());
		answers.add(postJson(token, Map.of("to", "bad", "from", "", "body", "")).body());
		answers.add(get(token + "x", "/v1/messages").body());
		answers.add(get(null, "/v1/messages").body());
		answers.add(call("POST", "/2010-04-01/Accounts/" + clientId + "/Messages.json", null,
				"application/x-www-form-urlencoded", "To=%2B4915123456789&From=Acme&Body=hi", "Authorization",
				basic(clientId, second)).body());
		answers.add(call("POST", "/2010-04-01/Accounts/" + clientId + "/Messages.json", null,
				"application/x-www-form-urlencoded", "To=%2B4915123456789&From=Acme&Body=hi", "Authorization",
				basic(clientId, wrong)).body());
		answers.add(callJson("GET", "/v1/admin/tenants/" + tenant + "/clients", admin, null).body());
		answers.add(callJson("GET", "/v1/admin/tenants/" + tenant, admin, null).body());
		answers.add(callJson("POST", "/v1/admin/clients/" + clientId + "/disable", admin, null).body());
		answers.add(tokenAnswer(clientId, second));

		List<String> lines = logLines();
		assertThat(lines).as("log lines captured").hasSizeGreaterThan(20);
		for (String secret : secrets) {
			assertThat(lines).as("logs").noneMatch((line) -> line.contains(secret));
			assertThat(answers).as("API answers").noneMatch((answer) -> answer.contains(secret));
		}
		assertThat(String.join("\n", answers)).doesNotContain("clientSecret", "secret_hash", "{bcrypt}");
		assertThat(created.body()).contains(first);
		assertThat(rotated.body()).contains(second).doesNotContain(first);
	}

	private String tokenAnswer(String clientId, String secret) throws Exception {
		HttpResponse<String> response = call("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
				"grant_type=client_credentials", "Authorization", basic(clientId, secret));
		return response.statusCode() + " " + response.body();
	}

	private List<String> logLines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(this.captured.list)) {
			StringBuilder line = new StringBuilder(event.getFormattedMessage());
			event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private static String basic(String user, String password) {
		return "Basic " + credentials(user, password);
	}

	/** What an Authorization header carries after "Basic ". */
	private static String credentials(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
