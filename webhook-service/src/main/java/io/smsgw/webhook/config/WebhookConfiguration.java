package io.smsgw.webhook.config;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.smsgw.webhook.delivery.CallbackDeliverer;
import io.smsgw.webhook.delivery.DeliveryLog;
import io.smsgw.webhook.delivery.DeliveryMetrics;
import io.smsgw.webhook.delivery.RetryPolicy;
import io.smsgw.webhook.http.AddressCheckingSender;
import io.smsgw.webhook.http.AddressClassifier;
import io.smsgw.webhook.http.CallbackSender;
import io.smsgw.webhook.http.Cidr;
import io.smsgw.webhook.http.HttpCallbackSender;
import io.smsgw.webhook.http.HttpSchemeTargetPolicy;
import io.smsgw.webhook.http.PrivateAddressTargetPolicy;
import io.smsgw.webhook.http.PrivateAddressTargetPolicy.Resolver;
import io.smsgw.webhook.http.TargetPolicy;
import io.smsgw.webhook.secret.SigningSecretSeeder;
import io.smsgw.webhook.secret.TenantSecrets;

/**
 * Wires the delivery pipeline: secrets, delivery log, target policy (URL and SSRF checks), HTTP
 * sender (re-checking addresses), retry policy.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	Clock webhookClock() {
		return Clock.systemUTC();
	}

	@Bean
	TenantSecrets tenantSecrets(JdbcClient jdbc) {
		return new TenantSecrets(jdbc);
	}

	@Bean
	SigningSecretSeeder signingSecretSeeder(TenantSecrets secrets, WebhookProperties properties, Clock clock) {
		return new SigningSecretSeeder(secrets, properties.signingSecrets(), clock);
	}

	@Bean
	DeliveryLog deliveryLog(JdbcClient jdbc) {
		return new DeliveryLog(jdbc);
	}

	@Bean
	AddressClassifier addressClassifier(WebhookProperties properties) {
		return new AddressClassifier(properties.allowedNetworks().stream().map(Cidr::parse).toList(),
				properties.allowLoopback());
	}

	@Bean
	TargetPolicy targetPolicy(AddressClassifier classifier) {
		return new PrivateAddressTargetPolicy(new HttpSchemeTargetPolicy(), classifier, Resolver.SYSTEM);
	}

	@Bean
	CallbackSender callbackSender(WebhookProperties properties, AddressClassifier classifier, Clock clock) {
		WebhookProperties.Http http = properties.http();
		return new AddressCheckingSender(new HttpCallbackSender(HttpCallbackSender.client(http.connectTimeout()),
				http.readTimeout(), http.userAgent(), clock), classifier, Resolver.SYSTEM);
	}

	@Bean
	RetryPolicy retryPolicy(WebhookProperties properties) {
		WebhookProperties.Retry retry = properties.retry();
		return new RetryPolicy(retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(), retry.jitter(),
				retry.maxTotal(), () -> ThreadLocalRandom.current().nextDouble());
	}

	@Bean
	DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
		return new DeliveryMetrics(registry);
	}

	@Bean
	CallbackDeliverer callbackDeliverer(DeliveryLog deliveryLog, TenantSecrets secrets, TargetPolicy targets,
			CallbackSender sender, RetryPolicy retryPolicy, DeliveryMetrics metrics, Clock clock,
			SigningSecretSeeder seeded) {
		return new CallbackDeliverer(deliveryLog, secrets, targets, sender, retryPolicy, metrics, clock);
	}

}
