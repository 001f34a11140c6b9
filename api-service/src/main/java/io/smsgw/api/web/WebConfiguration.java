package io.smsgw.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.smsgw.api.config.ApiProperties;

/**
 * The request size limit, registered ahead of the security filters so that oversize bodies are
 * refused before any work is done on them, and the 503 of a database outage outside Spring MVC
 * (ahead of everything, so that the security filters are inside it).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(ApiProperties properties, ProblemWriter problems) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(properties.maxRequestSize().toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
		return registration;
	}

}
