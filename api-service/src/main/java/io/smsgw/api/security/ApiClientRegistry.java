package io.smsgw.api.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import io.smsgw.api.tenant.ApiClient;
import io.smsgw.api.tenant.ApiClientRepository;

/**
 * The authorization server's view of the {@code api_client} table: every client may use the
 * client-credentials grant with its hashed secret (or, during a rotation overlap, either of two),
 * and carries its tenant in its settings. Disabled clients are unknown to it.
 */
class ApiClientRegistry implements RegisteredClientRepository {

	/** The client setting that holds the tenant id. */
	static final String TENANT_SETTING = "sms.tenant-id";

	private final ApiClientRepository clients;

	private final Duration tokenTtl;

	ApiClientRegistry(ApiClientRepository clients, Duration tokenTtl) {
		this.clients = clients;
		this.tokenTtl = tokenTtl;
	}

	/**
	 * Refused on purpose: clients are created and rotated through the admin API, which hashes
	 * secrets and shows them once; the authorization server itself never registers clients.
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("API clients are managed in the api_client table");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (clientId == null || clientId.isBlank() || clientId.length() > 200) {
			return null;
		}
		return this.clients.findById(clientId)
			.filter(ApiClient::isEnabled)
			.map(this::toRegisteredClient)
			.orElse(null);
	}

	private RegisteredClient toRegisteredClient(ApiClient client) {
		return RegisteredClient.withId(client.getClientId())
			.clientId(client.getClientId())
			.clientSecret(ClientSecrets.accepting(client.getSecretHash(), client.previousSecretHashAt(Instant.now())))
			.clientIdIssuedAt(client.getCreatedAt())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(client.getScopes()))
			.clientSettings(ClientSettings.builder().setting(TENANT_SETTING, client.getTenantId()).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.tokenTtl)
				.build())
			.build();
	}

}
