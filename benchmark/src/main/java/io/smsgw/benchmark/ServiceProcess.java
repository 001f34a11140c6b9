package io.smsgw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One service of the suite running from its Spring Boot exec jar in its own JVM, configured by
 * command-line properties, as a container would run it.
 */
public final class ServiceProcess implements AutoCloseable {

	private final String label;

	private final int port;

	private final ManagedProcess process;

	private ServiceProcess(String label, int port, ManagedProcess process) {
		this.label = label;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts {@code <root>/<module>/target/<module>-*-exec.jar}.
	 * @param label name in the report, e.g. {@code router-service#2}
	 * @param jvmOptions heap and other JVM options
	 * @param properties Spring properties, passed as {@code --key=value}
	 */
	public static ServiceProcess start(Path root, String module, String label, List<String> jvmOptions,
			Map<String, Object> properties, Path logDirectory) {
		Path jar = execJar(root, module);
		int port = Ports.free();
		List<String> command = new ArrayList<>();
		command.add(Ports.java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		ManagedProcess process = ManagedProcess.start(label, command,
				logDirectory.resolve(label.replace('#', '-') + ".log"));
		return new ServiceProcess(label, port, process);
	}

	/** The exec jar of a module, built by {@code ./mvnw package}. */
	static Path execJar(Path root, String module) {
		Path target = root.resolve(module).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((f) -> f.getFileName().toString().startsWith(module + "-")
					&& f.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No exec jar in " + target + ": run ./mvnw -DskipTests package"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + ": run ./mvnw -DskipTests package (root " + root.toAbsolutePath() + ")", ex);
		}
	}

	/** Waits until {@code /actuator/health/readiness} answers 200. */
	public void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.label + " exited while starting:\n" + this.process.tail(60));
			}
			try {
				if (http.send(request, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.label + " not ready within " + timeout + ":\n" + this.process.tail(60));
			}
			Thread.sleep(250);
		}
	}

	public String label() {
		return this.label;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public ManagedProcess process() {
		return this.process;
	}

	/** kill -9 of the service's JVM; returns when it is gone. */
	public void kill() throws InterruptedException {
		this.process.kill();
	}

	/** The same service started again with the same command line, port and log file (after {@link #kill()}). */
	public ServiceProcess restarted() {
		return new ServiceProcess(this.label, this.port, this.process.restarted());
	}

	@Override
	public void close() {
		this.process.close();
	}

}
