package io.smsgw.common.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dispatch runtime of a connector service ({@code sms.connector.*}).
 *
 * @param instanceId this instance's id in health reports (defaults to a random one)
 * @param concurrency consumer threads per connector
 * @param maxPollRecords dispatches taken per poll, all kept in flight together
 * @param outcomeTimeout longest wait for a connector's outcome before the message is requeued
 * @param requeuePause pause after a poll in which messages were requeued
 * @param healthInterval how often link health is published
 * @param handBackAfter how long a message may keep being requeued while its connector has no
 * link up before it is handed back to the router (a retriable {@code DispatchFailed} with error
 * code {@code CONNECTOR_UNAVAILABLE}), which fails it over to another connector of its route if
 * one is up; zero or negative requeues for ever
 */
@ConfigurationProperties("sms.connector")
public record ConnectorRuntimeProperties(String instanceId, Integer concurrency, Integer maxPollRecords,
		Duration outcomeTimeout, Duration requeuePause, Duration healthInterval, Duration handBackAfter) {

	public ConnectorRuntimeProperties {
		instanceId = (instanceId != null) ? instanceId : java.util.UUID.randomUUID().toString();
		concurrency = (concurrency != null) ? concurrency : 1;
		maxPollRecords = (maxPollRecords != null) ? maxPollRecords : 500;
		outcomeTimeout = (outcomeTimeout != null) ? outcomeTimeout : Duration.ofSeconds(60);
		requeuePause = (requeuePause != null) ? requeuePause : Duration.ofSeconds(1);
		healthInterval = (healthInterval != null) ? healthInterval : Duration.ofSeconds(5);
		handBackAfter = (handBackAfter != null) ? handBackAfter : Duration.ofSeconds(60);
	}

}
