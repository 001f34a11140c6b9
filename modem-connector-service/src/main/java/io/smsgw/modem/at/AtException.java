package io.smsgw.modem.at;

/**
 * A command got no answer the engine could use: the line is closed or broken, or the modem
 * answered out of protocol. The modem's state is unknown after it.
 */
public class AtException extends Exception {

	public AtException(String message) {
		super(message);
	}

	public AtException(String message, Throwable cause) {
		super(message, cause);
	}

}
