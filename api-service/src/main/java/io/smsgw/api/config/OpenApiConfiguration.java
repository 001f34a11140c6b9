package io.smsgw.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document's header: title, and the two ways to authenticate (OAuth2
 * client-credentials bearer tokens; HTTP Basic for the Twilio-compatible endpoints). springdoc
 * builds the paths from the controllers, at {@code /v3/api-docs}, with Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI openApi() {
		OAuthFlow clientCredentials = new OAuthFlow().tokenUrl("/oauth2/token")
			.scopes(new io.swagger.v3.oas.models.security.Scopes().addString("messages:send", "send messages")
				.addString("messages:read", "read messages")
				.addString("webhooks:manage", "manage webhooks")
				.addString("admin", "manage tenants and clients"));
		return new OpenAPI()
			.info(new Info().title("SMS gateway API")
				.version("v1")
				.description("Send SMS, follow their status; admin API for tenants and clients; "
						+ "a Twilio-compatible Messages resource.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.flows(new OAuthFlows().clientCredentials(clientCredentials)))
				.addSecuritySchemes("twilioBasic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("oauth2"));
	}

}
