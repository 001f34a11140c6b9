package io.smsgw.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml checked without a container engine: the services, their images (named as
 * the Jib build names them), the environment the services' configuration reads, the start order
 * and that every mounted file of the repository exists.
 */
class ComposeFileTests {

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void load() throws IOException {
		try (InputStream in = Files.newInputStream(Repository.root().resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(in);
			services = (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@Test
	void everyServiceTheInfrastructureTheSimulatorAndMonitoringAreThere() {
		assertThat(services).containsKeys("kafka", "postgres", "smsc-simulator", "api-service", "router-service",
				"smpp-connector-service", "dlr-service", "webhook-service", "prometheus", "grafana");
		assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
		assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
	}

	@Test
	void gatewayImagesAreTheOnesJibBuilds() {
		for (String module : List.of("api-service", "router-service", "smpp-connector-service", "dlr-service",
				"webhook-service")) {
			assertThat(services.get(module).get("image")).as(module).isEqualTo("smsgw/" + module + ":0.1.0-SNAPSHOT");
		}
		assertThat(services.get("smsc-simulator").get("image")).isEqualTo("smsgw/simulators:0.1.0-SNAPSHOT");
	}

	@Test
	void servicesGetTheirKafkaDatabaseAndPortAndStartAfterTheirDependencies() {
		for (String module : List.of("api-service", "router-service", "dlr-service", "webhook-service")) {
			assertThat(env(module)).as(module).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
				.containsEntry("DATABASE_URL", "jdbc:postgresql://postgres:5432/smsgw")
				.containsKeys("DATABASE_USERNAME", "DATABASE_PASSWORD", "PORT");
			assertThat(dependsOn(module)).as(module).contains("kafka", "postgres");
		}
		assertThat(env("smpp-connector-service")).containsEntry("SMS_SMPP_CONNECTIONS_0_HOST", "smsc-simulator")
			.containsEntry("SMS_SMPP_CONNECTIONS_0_ID", env("router-service").get("SMS_ROUTER_DEFAULT_CONNECTOR"));
		assertThat(dependsOn("smpp-connector-service")).contains("kafka", "smsc-simulator");
		assertThat(env("router-service")).containsEntry("SMS_ROUTER_JWK_SET_URI", "http://api-service:8080/oauth2/jwks");
		assertThat(dependsOn("grafana")).contains("prometheus");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyFileMountedFromTheRepositoryExists() {
		Path root = Repository.root();
		int mounted = 0;
		for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
			for (Object volume : (List<Object>) service.getValue().getOrDefault("volumes", List.of())) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(root.resolve(source.substring(2))).as(service.getKey() + " mounts " + source).exists();
					mounted++;
				}
			}
		}
		assertThat(mounted).as("prometheus config, rules, grafana provisioning and dashboards").isEqualTo(4);
		assertThat(root.resolve("deploy/grafana/provisioning/dashboards/smsgw.yml")).exists();
		assertThat(root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).exists();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> env(String service) {
		return (Map<String, Object>) services.get(service).get("environment");
	}

	@SuppressWarnings("unchecked")
	private static List<String> dependsOn(String service) {
		Object depends = services.get(service).get("depends_on");
		if (depends instanceof Map<?, ?> map) {
			return List.copyOf((java.util.Set<String>) map.keySet());
		}
		return (List<String>) depends;
	}

}
