package io.smsgw.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network between the connectors and the SMSC simulator, as a TCP relay on 127.0.0.1 that a
 * fault run can break: {@link #cut()} closes every connection at once (the SMSC dropping its
 * sessions with submits in flight), {@link #down()} also closes the port (the SMSC down: binds are
 * refused) until {@link #up()}. The simulator behind it keeps its ledger and its pending receipts,
 * as a real SMSC keeps them while the link is down.
 */
public final class SmscLink implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmscLink.class);

	private final int target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile ServerSocket server;

	/** The thread accepting on {@link #server}. */
	private volatile Thread acceptor;

	private SmscLink(int target) throws IOException {
		this.target = target;
		this.server = listen(0);
		this.port = this.server.getLocalPort();
	}

	/** Relays 127.0.0.1:{@link #port()} to the simulator on 127.0.0.1:{@code target}. */
	public static SmscLink start(int target) {
		try {
			return new SmscLink(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** Connections accepted since start. */
	public int connections() {
		return this.connections.get();
	}

	/** Closes every open connection now, both ways; new connections are accepted. */
	public void cut() {
		int open = this.sockets.size();
		this.sockets.forEach(SmscLink::closeQuietly);
		log.info("SMSC link cut: {} sockets closed", open);
	}

	/**
	 * Closes the port and every connection: connects are refused until {@link #up()}. Returns once
	 * the accepting thread has left {@code accept}: until then the kernel keeps the listening socket
	 * (and may complete a client's handshake into its backlog, to be reset when it goes).
	 */
	public synchronized void down() {
		closeQuietly(this.server);
		Thread accepting = this.acceptor;
		if (accepting != null) {
			try {
				accepting.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// after the acceptor is gone, so that a connection it took while closing is cut too
		cut();
	}

	/** Accepts connections again on the same port. */
	public synchronized void up() throws IOException {
		if (this.server.isClosed()) {
			this.server = listen(this.port);
			log.info("SMSC link up again on port {}", this.port);
		}
	}

	private ServerSocket listen(int on) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
		Thread accepting = new Thread(() -> accept(socket), "smsc-link-accept");
		accepting.setDaemon(true);
		accepting.start();
		this.acceptor = accepting;
		return socket;
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket smsc = new Socket();
				try {
					smsc.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.target), 5000);
				}
				catch (IOException ex) {
					closeQuietly(client);
					closeQuietly(smsc);
					continue;
				}
				client.setTcpNoDelay(true);
				smsc.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(smsc);
				this.connections.incrementAndGet();
				pump(client, smsc);
				pump(smsc, client);
			}
			catch (IOException ex) {
				// closed by down() or close()
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the other side or cut() closed it
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "smsc-link-" + from.getPort());
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		down();
	}

}
