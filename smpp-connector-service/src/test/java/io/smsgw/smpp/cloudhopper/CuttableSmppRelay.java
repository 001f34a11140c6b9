package io.smsgw.smpp.cloudhopper;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the connector and an SMSC simulator that a test can break as a network
 * would (after the benchmark's {@code SmscLink}): {@link #holdAnswers()} stops passing the SMSC's
 * bytes on (answers lost on the way), {@link #cut()} closes every connection. It records the
 * message id of every successful submit_sm_resp it passed on to the connector: the submits the
 * connector knows were answered.
 */
final class CuttableSmppRelay implements AutoCloseable {

	private static final int SUBMIT_SM_RESP = 0x80000004;

	private final int target;

	private final ServerSocket server;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Set<String> answersPassedOn = ConcurrentHashMap.newKeySet();

	private volatile boolean holding;

	private CuttableSmppRelay(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "relay-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static CuttableSmppRelay start(int target) {
		try {
			return new CuttableSmppRelay(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Message ids of the successful submit_sm_resp passed on to the connector so far. */
	Set<String> answersPassedOn() {
		return Set.copyOf(this.answersPassedOn);
	}

	/** From now on the SMSC's bytes are dropped, not passed on. */
	void holdAnswers() {
		this.holding = true;
	}

	/** Closes every connection (new ones are accepted) and passes answers on again. */
	void cut() {
		this.sockets.forEach(CuttableSmppRelay::closeQuietly);
		this.holding = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket smsc = new Socket();
				smsc.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.target), 5000);
				client.setTcpNoDelay(true);
				smsc.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(smsc);
				pump(client, smsc, false);
				pump(smsc, client, true);
			}
			catch (IOException ex) {
				// closed, or the SMSC refused: the connector binds again
			}
		}
	}

	private void pump(Socket from, Socket to, boolean answers) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			ByteArrayOutputStream passed = new ByteArrayOutputStream();
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					if (answers && this.holding) {
						continue;
					}
					out.write(buffer, 0, n);
					out.flush();
					if (answers) {
						passed.write(buffer, 0, n);
						record(passed);
					}
				}
			}
			catch (IOException ex) {
				// cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "relay-pump");
		thread.setDaemon(true);
		thread.start();
	}

	/** Takes the whole PDUs off the bytes passed on and records the submit_sm_resp among them. */
	private void record(ByteArrayOutputStream passed) {
		ByteBuffer bytes = ByteBuffer.wrap(passed.toByteArray());
		while (bytes.remaining() >= 16 && bytes.remaining() >= bytes.getInt(bytes.position())) {
			int start = bytes.position();
			int length = bytes.getInt(start);
			if (length < 16) {
				break;
			}
			if (bytes.getInt(start + 4) == SUBMIT_SM_RESP && bytes.getInt(start + 8) == 0) {
				int end = start + 16;
				while (end < start + length && bytes.get(end) != 0) {
					end++;
				}
				this.answersPassedOn.add(new String(passed.toByteArray(), start + 16, end - start - 16,
						StandardCharsets.ISO_8859_1));
			}
			bytes.position(start + length);
		}
		byte[] rest = new byte[bytes.remaining()];
		bytes.get(rest);
		passed.reset();
		passed.writeBytes(rest);
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		cut();
	}

}
