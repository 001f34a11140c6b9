package io.smsgw.api.message;

import io.smsgw.api.message.MessageStore.NewMessage;

/**
 * A validated message ready to be stored: its rows, and the answer its sender gets once it is.
 */
record PreparedMessage(NewMessage row, AcceptedMessage answer) {

	/** The recipient in E.164. */
	String to() {
		return this.row.event().to();
	}

}
