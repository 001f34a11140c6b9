package io.smsgw.api.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the service, taken from the running application's handler mappings and
 * classified here (an endpoint added without a class fails the first test): without a token, with
 * an expired one, one from another issuer, one signed by a stranger's key, or one without the
 * scope it needs, the answer is a 401 or 403 problem, never the resource.
 */
class ApiSecurityIT extends ApiTestSupport {

	/** What an endpoint needs; {@link #ENDPOINTS} classifies each. */
	enum Access {
		SEND("messages:send"), READ("messages:read"), ADMIN("admin"), TWILIO_BASIC(null);

		final String scope;

		Access(String scope) {
			this.scope = scope;
		}
	}

	static final Map<String, Access> ENDPOINTS = endpoints();

	/** Handlers outside the service's own packages that are public on purpose (API docs, errors). */
	static final List<String> PUBLIC_HANDLERS = List.of("/v3/api-docs", "/v3/api-docs/swagger-config",
			"/v3/api-docs.yaml", "/swagger-ui.html", "/error");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JWKSource<SecurityContext> jwkSource;

	TestTokens tokens;

	@BeforeEach
	void tokens() throws Exception {
		String issued = token("client-a", "secret-a", null);
		String iss = com.nimbusds.jwt.SignedJWT.parse(issued).getJWTClaimsSet().getIssuer();
		this.tokens = new TestTokens(this.jwkSource, iss);
	}

	private static Map<String, Access> endpoints() {
		Map<String, Access> map = new TreeMap<>();
		for (String e : List.of("POST /v1/messages", "POST /v1/messages/batch", "POST /v1/messages/preview",
				"DELETE /v1/messages/{id}", "PUT /v1/suppressions/{number}", "DELETE /v1/suppressions/{number}",
				"PUT /v1/keyword-sets/{language}", "DELETE /v1/keyword-sets/{language}")) {
			map.put(e, Access.SEND);
		}
		for (String e : List.of("GET /v1/messages", "GET /v1/messages/{id}", "GET /v1/numbers", "GET /v1/inbound",
				"GET /v1/inbound/{id}", "GET /v1/suppressions", "GET /v1/suppressions/{number}",
				"GET /v1/keyword-sets")) {
			map.put(e, Access.READ);
		}
		for (String e : List.of("POST /v1/admin/tenants", "GET /v1/admin/tenants/{tenantId}",
				"PUT /v1/admin/tenants/{tenantId}/limits", "POST /v1/admin/tenants/{tenantId}/clients",
				"GET /v1/admin/tenants/{tenantId}/clients", "POST /v1/admin/clients/{clientId}/rotate",
				"POST /v1/admin/clients/{clientId}/disable", "GET /v1/admin/numbers", "GET /v1/admin/numbers/{number}",
				"PUT /v1/admin/numbers/{number}", "DELETE /v1/admin/numbers/{number}",
				"PUT /v1/admin/numbers/{number}/keywords/{keyword}",
				"DELETE /v1/admin/numbers/{number}/keywords/{keyword}", "GET /v1/admin/inbound/unrouted")) {
			map.put(e, Access.ADMIN);
		}
		map.put("POST /2010-04-01/Accounts/{accountSid}/Messages.json", Access.TWILIO_BASIC);
		map.put("GET /2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json", Access.TWILIO_BASIC);
		return map;
	}

	@Test
	void everyEndpointOfTheRunningServiceIsClassified() {
		List<String> found = new ArrayList<>();
		List<String> unclassified = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			boolean own = method.getBeanType().getPackageName().startsWith("io.smsgw.api");
			for (String path : info.getPatternValues()) {
				if (!own) {
					if (!PUBLIC_HANDLERS.contains(path)) {
						unclassified.add(method.getBeanType().getSimpleName() + " " + path);
					}
					continue;
				}
				info.getMethodsCondition().getMethods().forEach((m) -> found.add(m.name() + " " + path));
			}
		});
		found.stream().filter((e) -> !ENDPOINTS.containsKey(e)).forEach(unclassified::add);
		assertThat(unclassified).as("endpoints nobody classified in ApiSecurityIT.ENDPOINTS").isEmpty();
		assertThat(ENDPOINTS.keySet()).as("classified endpoints the service no longer has")
			.containsExactlyInAnyOrderElementsOf(found);
	}

	@Test
	void withoutATokenEveryEndpointIsUnauthorized() throws Exception {
		List<String> wrong = each(Access.values(), (endpoint) -> null, 401);
		assertThat(wrong).isEmpty();
	}

	@Test
	void anExpiredTokenSignedByTheServiceIsUnauthorized() throws Exception {
		String expired = this.tokens.valid("tenant-a", "messages:send", "messages:read", "admin")
			.expiredFor(Duration.ofMinutes(5))
			.sign();
		assertThat(bearerOnly((endpoint) -> expired, 401)).isEmpty();
	}

	@Test
	void tokensOfAnotherIssuerAreUnauthorized() throws Exception {
		TestTokens.Claims all = this.tokens.valid("tenant-a", "messages:send", "messages:read", "admin");
		String unknownKey = all.signedWith(TestTokens.strangerKey("someone-elses-key")).issuedBy("https://idp.example")
			.sign();
		String forgedKeyId = all.signedWith(TestTokens.strangerKey(this.tokens.serviceKeyId())).sign();
		String wrongIssuer = all.issuedBy("https://idp.example").sign();

		assertThat(bearerOnly((endpoint) -> unknownKey, 401)).as("unknown key").isEmpty();
		assertThat(bearerOnly((endpoint) -> forgedKeyId, 401)).as("stranger's key, service's key id").isEmpty();
		assertThat(bearerOnly((endpoint) -> wrongIssuer, 401)).as("service's key, another issuer").isEmpty();
	}

	@Test
	void aTokenWithoutTheNeededScopeIsForbidden() throws Exception {
		String noScope = this.tokens.valid("tenant-a").sign();
		String reader = token("reader-a", "secret-r", null);
		String tenantClient = token("client-a", "secret-a", null);

		assertThat(bearerOnly((endpoint) -> noScope, 403)).as("no scope").isEmpty();
		assertThat(bearerOnly((endpoint) -> (ENDPOINTS.get(endpoint) == Access.READ) ? null : reader, 403))
			.as("messages:read only").isEmpty();
		assertThat(bearerOnly((endpoint) -> (ENDPOINTS.get(endpoint) == Access.ADMIN) ? tenantClient : null, 403))
			.as("tenant client on admin endpoints").isEmpty();
	}

	@Test
	void theRightScopeGetsPastSecurityOnEveryEndpoint() throws Exception {
		String admin = adminToken();
		String tenantClient = token("client-a", "secret-a", null);
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Access> endpoint : ENDPOINTS.entrySet()) {
			if (endpoint.getValue() == Access.TWILIO_BASIC) {
				continue;
			}
			HttpResponse<String> response = request(endpoint.getKey(),
					(endpoint.getValue() == Access.ADMIN) ? admin : tenantClient);
			if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() >= 500) {
				wrong.add(endpoint.getKey() + " -> " + response.statusCode());
			}
		}
		callJson("DELETE", "/v1/keyword-sets/zz", tenantClient, null);
		assertThat(wrong).isEmpty();
	}

	@Test
	void twilioEndpointsNeedTheClientsBasicCredentials() throws Exception {
		String bearer = token("client-a", "secret-a", null);
		for (String endpoint : List.of("POST /2010-04-01/Accounts/client-a/Messages.json",
				"GET /2010-04-01/Accounts/client-a/Messages/SM" + "0".repeat(32) + ".json")) {
			String[] parts = endpoint.split(" ");
			String form = "To=%2B4915123456789&From=Acme&Body=hi";
			String body = parts[0].equals("POST") ? form : null;
			String type = "application/x-www-form-urlencoded";
			assertThat(call(parts[0], parts[1], null, type, body).statusCode()).as(endpoint).isEqualTo(401);
			assertThat(call(parts[0], parts[1], bearer, type, body).statusCode()).as(endpoint).isEqualTo(401);
			assertThat(call(parts[0], parts[1], null, type, body, "Authorization", basic("client-a", "wrong"))
				.statusCode()).as(endpoint).isEqualTo(401);
		}
		assertThat(call("POST", "/2010-04-01/Accounts/reader-a/Messages.json", null,
				"application/x-www-form-urlencoded", "To=%2B4915123456789&From=Acme&Body=hi", "Authorization",
				basic("reader-a", "secret-r"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void publicEndpointsAreTheListedOnesAndLeakNoKeys() throws Exception {
		assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get(null, "/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(get(null, "/v3/api-docs").statusCode()).isEqualTo(200);
		HttpResponse<String> jwks = get(null, "/oauth2/jwks");
		assertThat(jwks.statusCode()).isEqualTo(200);
		JsonNode key = json(jwks).get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("n")).isTrue();
		for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
			assertThat(key.has(privatePart)).as("private key member %s in the JWKS", privatePart).isFalse();
		}
		assertThat(call("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
				"grant_type=client_credentials").statusCode()).isEqualTo(401);
		for (String closed : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans",
				"/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings")) {
			int status = get(null, closed).statusCode();
			assertThat(status).as(closed).isIn(401, 404);
			assertThat(get(adminToken(), closed).statusCode()).as(closed + " with a token").isEqualTo(404);
		}
	}

	private List<String> bearerOnly(Function<String, String> tokenOf, int expected) throws Exception {
		return each(new Access[] { Access.SEND, Access.READ, Access.ADMIN }, tokenOf, expected);
	}

	/** Calls each endpoint of the given classes whose token function gives a token (or no token at all for 401). */
	private List<String> each(Access[] classes, Function<String, String> tokenOf, int expected) throws Exception {
		List<String> wrong = new ArrayList<>();
		List<Access> wanted = List.of(classes);
		int checked = 0;
		for (Map.Entry<String, Access> endpoint : ENDPOINTS.entrySet()) {
			if (!wanted.contains(endpoint.getValue())) {
				continue;
			}
			String token = tokenOf.apply(endpoint.getKey());
			if (token == null && expected != 401) {
				continue;
			}
			checked++;
			HttpResponse<String> response = request(endpoint.getKey(), token);
			if (endpoint.getValue() == Access.TWILIO_BASIC) {
				if (response.statusCode() != expected) {
					wrong.add(endpoint.getKey() + " -> " + response.statusCode());
				}
				continue;
			}
			String problem = problemOf(response, expected);
			if (problem != null) {
				wrong.add(endpoint.getKey() + " -> " + problem);
			}
			if (token != null && response.body().contains(token)) {
				wrong.add(endpoint.getKey() + " echoes the token");
			}
		}
		assertThat(checked).isPositive();
		return wrong;
	}

	private static String problemOf(HttpResponse<String> response, int expected) {
		if (response.statusCode() != expected) {
			return response.statusCode() + " " + response.body();
		}
		if (!response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
			return "not a problem document: " + response.headers().firstValue("Content-Type");
		}
		if (json(response).get("status").asInt() != expected) {
			return "problem status " + json(response).get("status");
		}
		if (!response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
			return "no Bearer challenge";
		}
		return null;
	}

	/** One request to an endpoint ("METHOD /path/{var}"), variables filled with values no data has. */
	private HttpResponse<String> request(String endpoint, String token) throws Exception {
		String[] parts = endpoint.split(" ");
		String path = parts[1].replace("{id}", UUID.randomUUID().toString())
			.replace("{tenantId}", "no-such-tenant")
			.replace("{clientId}", "no-such-client")
			.replace("{number}", "not-a-number")
			.replace("{keyword}", "nokeyword")
			.replace("{language}", "zz")
			.replace("{accountSid}", "client-a")
			.replace("{messageSid}", "SM" + "0".repeat(32));
		boolean form = path.startsWith("/2010-04-01");
		String body = switch (parts[0]) {
			case "POST", "PUT" -> form ? "To=x" : "{}";
			default -> null;
		};
		return call(parts[0], path, token, form ? "application/x-www-form-urlencoded" : "application/json", body);
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
