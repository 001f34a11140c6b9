package io.smsgw.common.event;

/**
 * An event of the message flow. {@link #key()} is the Kafka record key: the message id, so that
 * one message's events stay in order on one partition.
 */
public interface SmsEvent {

	/** The record key this event is published with. */
	String key();

}
