package io.smsgw.common.event;

/**
 * What a message is for; routes and quotas may treat the two differently (many countries
 * regulate marketing traffic separately).
 */
public enum MessageType {

	/** One-time passwords, alerts, notifications: the default. */
	TRANSACTIONAL,

	/** Campaigns and promotions. */
	MARKETING

}
