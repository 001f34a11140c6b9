package io.smsgw.smpp.cloudhopper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving SMSC on raw TCP: speaks just enough SMPP 3.4 to bind a transceiver, answer
 * enquire_link and submit_sm (unless told to hold the answers), and lets a test write any bytes
 * into the live connection. It records what the connector sent, so a test can check the answers
 * SMPP requires.
 */
final class RogueSmsc implements AutoCloseable {

	static final int GENERIC_NACK = 0x80000000;

	static final int BIND_TRANSCEIVER = 0x00000009;

	static final int SUBMIT_SM = 0x00000004;

	static final int DELIVER_SM = 0x00000005;

	static final int UNBIND = 0x00000006;

	static final int ENQUIRE_LINK = 0x00000015;

	/** One PDU the connector sent. */
	record Received(int connection, int commandId, int status, int sequence, String text) {
	}

	private final ServerSocket server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<String> bindPasswords = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger messageIds = new AtomicInteger();

	private volatile Socket current;

	private volatile boolean holdSubmitResponses;

	private RogueSmsc(ServerSocket server) {
		this.server = server;
	}

	static RogueSmsc start() {
		try {
			RogueSmsc smsc = new RogueSmsc(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
			Thread acceptor = new Thread(smsc::accept, "rogue-smsc");
			acceptor.setDaemon(true);
			acceptor.start();
			return smsc;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Connections accepted so far (each bind of the connector is one). */
	int connections() {
		return this.connections.get();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<String> bindPasswords() {
		return List.copyOf(this.bindPasswords);
	}

	/** While true, submit_sm are recorded but never answered. */
	void holdSubmitResponses(boolean hold) {
		this.holdSubmitResponses = hold;
	}

	/** Writes raw bytes into the newest connection. */
	void inject(byte[] bytes) throws IOException {
		Socket socket = this.current;
		synchronized (socket) {
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
		}
	}

	/** A PDU with the given header and body; {@code length} null: the right command_length. */
	static byte[] pdu(Integer length, int commandId, int status, int sequence, byte[] body) {
		ByteBuffer buffer = ByteBuffer.allocate(16 + body.length);
		buffer.putInt((length != null) ? length : 16 + body.length).putInt(commandId).putInt(status).putInt(sequence);
		return buffer.put(body).array();
	}

	/** C-octet strings and single octets, in order: a PDU body. */
	static byte[] body(Object... fields) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (Object field : fields) {
			if (field instanceof String text) {
				out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
				out.write(0);
			}
			else if (field instanceof byte[] raw) {
				out.writeBytes(raw);
			}
			else {
				out.write((Integer) field);
			}
		}
		return out.toByteArray();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				int number = this.connections.incrementAndGet();
				this.current = socket;
				Thread reader = new Thread(() -> serve(socket, number), "rogue-smsc-" + number);
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int number) {
		try (socket) {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			while (true) {
				int length = in.readInt();
				int commandId = in.readInt();
				int status = in.readInt();
				int sequence = in.readInt();
				byte[] body = new byte[Math.max(0, length - 16)];
				in.readFully(body);
				handle(socket, number, commandId, status, sequence, body);
			}
		}
		catch (IOException ex) {
			// the connector hung up, or a test closed the server
		}
	}

	private void handle(Socket socket, int number, int commandId, int status, int sequence, byte[] body)
			throws IOException {
		String text = "";
		if (commandId == BIND_TRANSCEIVER) {
			String[] strings = new String(body, StandardCharsets.ISO_8859_1).split("\0", 3);
			this.bindPasswords.add((strings.length > 1) ? strings[1] : "");
			write(socket, pdu(null, 0x80000000 | commandId, 0, sequence, body("rogue")));
		}
		else if (commandId == ENQUIRE_LINK) {
			write(socket, pdu(null, 0x80000015, 0, sequence, new byte[0]));
		}
		else if (commandId == UNBIND) {
			write(socket, pdu(null, 0x80000006, 0, sequence, new byte[0]));
		}
		else if (commandId == SUBMIT_SM) {
			text = shortMessage(body);
			if (!this.holdSubmitResponses) {
				write(socket, pdu(null, 0x80000004, 0, sequence, body("R" + this.messageIds.incrementAndGet())));
			}
		}
		this.received.add(new Received(number, commandId, status, sequence, text));
	}

	private static void write(Socket socket, byte[] pdu) throws IOException {
		synchronized (socket) {
			socket.getOutputStream().write(pdu);
			socket.getOutputStream().flush();
		}
	}

	/** The short_message of a submit_sm body (GSM-7 unpacked: ASCII for plain texts). */
	private static String shortMessage(byte[] body) {
		int i = skipCString(body, 0) + 2;
		i = skipCString(body, i) + 2;
		i = skipCString(body, i) + 3;
		i = skipCString(body, i);
		i = skipCString(body, i) + 4;
		int length = body[i] & 0xFF;
		return new String(body, i + 1, length, StandardCharsets.ISO_8859_1);
	}

	private static int skipCString(byte[] body, int from) {
		int i = from;
		while (body[i] != 0) {
			i++;
		}
		return i + 1;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		Socket socket = this.current;
		if (socket != null) {
			socket.close();
		}
	}

}
