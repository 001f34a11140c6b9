package io.smsgw.api.tenant;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An OAuth2 client of a tenant: client-credentials login with a hashed secret and its scopes.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

	@Id
	@Column(name = "client_id")
	private String clientId;

	@Column(name = "tenant_id", nullable = false)
	private String tenantId;

	@Column(name = "secret_hash", nullable = false)
	private String secretHash;

	/** Space-separated, as in OAuth2's {@code scope} parameter. */
	@Column(nullable = false)
	private String scopes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "previous_secret_hash")
	private String previousSecretHash;

	@Column(name = "previous_secret_expires_at")
	private Instant previousSecretExpiresAt;

	protected ApiClient() {
	}

	public ApiClient(String clientId, String tenantId, String secretHash, Set<String> scopes, Instant createdAt) {
		this.clientId = clientId;
		this.tenantId = tenantId;
		this.secretHash = secretHash;
		this.scopes = String.join(" ", scopes);
		this.createdAt = createdAt;
	}

	public String getClientId() {
		return this.clientId;
	}

	public String getTenantId() {
		return this.tenantId;
	}

	/** The secret as the password encoder stored it ({@code {bcrypt}…}). */
	public String getSecretHash() {
		return this.secretHash;
	}

	public Set<String> getScopes() {
		Set<String> result = new LinkedHashSet<>();
		Arrays.stream(this.scopes.split(" ")).filter((s) -> !s.isBlank()).forEach(result::add);
		return result;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/** A disabled client gets no tokens and no Basic-auth access. */
	public boolean isEnabled() {
		return this.enabled;
	}

	/** Until when the secret replaced by the last rotation is valid, or {@code null}. */
	public Instant getPreviousSecretExpiresAt() {
		return this.previousSecretExpiresAt;
	}

	/** The secret replaced by the last rotation, while it is still valid; else {@code null}. */
	public String previousSecretHashAt(Instant now) {
		return (this.previousSecretHash != null && this.previousSecretExpiresAt != null
				&& this.previousSecretExpiresAt.isAfter(now)) ? this.previousSecretHash : null;
	}

}
