package io.smsgw.api.idempotency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.smsgw.api.security.TenantClaims;
import io.smsgw.api.web.ProblemWriter;

/**
 * Registers the {@code Idempotency-Key} filter after Spring Security's filters (order -100), so
 * that it knows the tenant.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, TenantClaims tenants,
			ProblemWriter problems) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, tenants, problems));
		registration.setOrder(0);
		return registration;
	}

}
