package io.smsgw.api.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.smsgw.api.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document matches the code: every endpoint of the service's controllers is in it,
 * and Swagger UI is served.
 */
class OpenApiIT extends ApiTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void documentListsEveryEndpointOfTheControllers() throws Exception {
		HttpResponse<String> response = get(null, "/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = json(response).get("paths");

		List<String> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("io.smsgw.api")) {
				return;
			}
			for (String path : info.getPatternValues()) {
				info.getMethodsCondition().getMethods().forEach((m) -> endpoints.add(m.name() + " " + path));
			}
		});
		assertThat(endpoints).hasSizeGreaterThanOrEqualTo(15);
		List<String> missing = new ArrayList<>();
		for (String endpoint : endpoints) {
			String[] parts = endpoint.split(" ");
			JsonNode path = paths.get(parts[1]);
			if (path == null || path.get(parts[0].toLowerCase(Locale.ROOT)) == null) {
				missing.add(endpoint);
			}
		}
		assertThat(missing).isEmpty();
		assertThat(json(response).get("components").get("securitySchemes").has("oauth2")).isTrue();
	}

	@Test
	void documentDescribesTransliterationFields() throws Exception {
		JsonNode schemas = json(get(null, "/v3/api-docs")).get("components").get("schemas");

		assertThat(schemas.get("SendMessageRequest").get("properties").has("transliterate")).isTrue();
		assertThat(schemas.get("PreviewRequest").get("properties").has("transliterate")).isTrue();
		assertThat(schemas.get("Limits").get("properties").has("transliterate")).isTrue();
		for (String answer : List.of("AcceptedMessage", "Preview")) {
			assertThat(schemas.get(answer).get("properties").propertyNames()).as(answer)
				.contains("encoding", "segments", "charactersLeft", "replacements");
		}
		assertThat(schemas.get("ReplacementView").get("properties").propertyNames())
			.contains("original", "replacement", "count", "positions");
		assertThat(schemas.get("MessageView").get("properties").propertyNames())
			.contains("body", "encoding", "segments");
	}

	@Test
	void swaggerUiIsServed() throws Exception {
		HttpResponse<String> ui = get(null, "/swagger-ui/index.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).containsIgnoringCase("swagger");
	}

}
