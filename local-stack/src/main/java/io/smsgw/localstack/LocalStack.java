package io.smsgw.localstack;

/** Placeholder until the launcher lands. */
public final class LocalStack {

	public static void main(String[] args) {
	}

}
