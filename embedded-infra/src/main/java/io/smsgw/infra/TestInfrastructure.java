package io.smsgw.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The infrastructure integration tests share within one JVM: started once, stopped at exit.
 * Testcontainers where a Docker engine answers (unless {@code -Dsmsgw.infra=embedded}), the
 * embedded broker and database otherwise (or with {@code -Dsmsgw.infra=embedded}). Both are real
 * Kafka and real PostgreSQL; no test needs Docker to pass.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static final long CLOSE_DELAY_MILLIS = 3000;

	private static Infrastructure shared;

	private TestInfrastructure() {
	}

	/** The shared infrastructure, started on first use. */
	public static synchronized Infrastructure shared() {
		if (shared == null) {
			shared = useContainers() ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start(0, 0, null, 3);
			Infrastructure started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAfterContexts(started), "test-infrastructure-stop"));
		}
		return shared;
	}

	/**
	 * Shutdown hooks run concurrently: give the test contexts (closed by their own hook) a moment
	 * to stop their consumers and background threads before the broker and database go away.
	 */
	private static void closeAfterContexts(Infrastructure infrastructure) {
		try {
			Thread.sleep(CLOSE_DELAY_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		infrastructure.close();
	}

	private static boolean useContainers() {
		String choice = System.getProperty("smsgw.infra", System.getenv().getOrDefault("SMSGW_INFRA", "auto"));
		if ("embedded".equals(choice)) {
			return false;
		}
		try {
			boolean docker = DockerClientFactory.instance().isDockerAvailable();
			log.info("Docker engine {}: integration tests run on {}", docker ? "found" : "not found",
					docker ? "Testcontainers" : "the embedded Kafka broker and PostgreSQL");
			return docker;
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
