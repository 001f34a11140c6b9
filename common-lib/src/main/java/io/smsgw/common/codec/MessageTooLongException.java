package io.smsgw.common.codec;

/**
 * A message would need more parts than allowed. It is rejected, never truncated.
 */
public class MessageTooLongException extends IllegalArgumentException {

	private final int parts;

	private final int maxParts;

	public MessageTooLongException(int parts, int maxParts) {
		super("The message needs " + parts + " parts; at most " + maxParts + " are allowed");
		this.parts = parts;
		this.maxParts = maxParts;
	}

	public int parts() {
		return this.parts;
	}

	public int maxParts() {
		return this.maxParts;
	}

}
