package io.smsgw.api.tenant;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * API clients by client id.
 */
public interface ApiClientRepository extends JpaRepository<ApiClient, String> {

	/** A tenant's clients. */
	java.util.List<ApiClient> findByTenantIdOrderByClientId(String tenantId);

}
