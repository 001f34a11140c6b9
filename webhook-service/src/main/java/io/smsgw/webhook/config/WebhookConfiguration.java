package io.smsgw.webhook.config;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionOperations;

import io.smsgw.webhook.delivery.CallbackDeliverer;
import io.smsgw.webhook.delivery.CallbackQueue;
import io.smsgw.webhook.delivery.DeadLetters;
import io.smsgw.webhook.delivery.DeliveryDispatcher;
import io.smsgw.webhook.delivery.DeliveryLog;
import io.smsgw.webhook.delivery.DeliveryMetrics;
import io.smsgw.webhook.delivery.DeliveryQueries;
import io.smsgw.webhook.delivery.EndpointGuards;
import io.smsgw.webhook.delivery.OutcomeStore;
import io.smsgw.webhook.delivery.RetryPolicy;
import io.smsgw.webhook.delivery.SigningKeys;
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
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Wires the delivery pipeline: secrets and subscriptions, the delivery log (queue), target policy
 * (URL and SSRF checks), HTTP sender (re-checking addresses), retry policy, per-endpoint guards,
 * dead letters, and the dispatcher.
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
	SubscriptionStore subscriptionStore(JdbcClient jdbc) {
		return new SubscriptionStore(jdbc);
	}

	@Bean
	DeliveryLog deliveryLog(JdbcTemplate jdbc, TransactionOperations transactions) {
		return new DeliveryLog(jdbc, transactions);
	}

	@Bean
	OutcomeStore outcomeStore(JdbcTemplate jdbc, TransactionOperations transactions) {
		return new OutcomeStore(jdbc, transactions);
	}

	@Bean
	SigningKeys signingKeys(TenantSecrets tenants, SubscriptionStore subscriptions) {
		return new SigningKeys(tenants, subscriptions);
	}

	@Bean
	DeliveryQueries deliveryQueries(JdbcClient jdbc) {
		return new DeliveryQueries(jdbc);
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
	EndpointGuards endpointGuards(WebhookProperties properties, MeterRegistry registry) {
		Breaker breaker = properties.breaker();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindow())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.build();
		return new EndpointGuards(config, registry);
	}

	@Bean
	DeadLetters deadLetters(KafkaOperations<Object, Object> kafka) {
		return new DeadLetters(kafka);
	}

	@Bean
	CallbackDeliverer callbackDeliverer(TargetPolicy targets, CallbackSender sender, RetryPolicy retryPolicy,
			EndpointGuards guards, DeadLetters deadLetters, DeliveryMetrics metrics, Clock clock,
			SigningSecretSeeder seeded) {
		return new CallbackDeliverer(targets, sender, retryPolicy, guards, deadLetters, metrics, clock);
	}

	@Bean
	DeliveryDispatcher deliveryDispatcher(DeliveryLog deliveryLog, OutcomeStore outcomes, SigningKeys keys,
			CallbackDeliverer deliverer, EndpointGuards guards, DeliveryMetrics metrics, Clock clock,
			WebhookProperties properties) {
		Dispatch dispatch = properties.dispatch();
		return new DeliveryDispatcher(deliveryLog, outcomes, keys, deliverer, guards, metrics, clock,
				new DeliveryDispatcher.Settings(dispatch.pollInterval(), dispatch.batchSize(), dispatch.maxConcurrency(),
						dispatch.maxPerEndpoint(), dispatch.lease(), dispatch.instanceId(), properties.retry().maxTotal()));
	}

	@Bean
	CallbackQueue callbackQueue(DeliveryLog deliveryLog, DeliveryDispatcher dispatcher, DeliveryMetrics metrics,
			Clock clock) {
		return new CallbackQueue(deliveryLog, dispatcher, metrics, clock);
	}

}
