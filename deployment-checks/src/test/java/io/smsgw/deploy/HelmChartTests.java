package io.smsgw.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.smsgw.deploy.RenderedManifests.container;
import static io.smsgw.deploy.RenderedManifests.name;
import static io.smsgw.deploy.RenderedManifests.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code helm lint} and {@code helm template} of helm/smsgw (helm-java runs Helm's own code, no
 * cluster) with the default values, production-like values and a modem rack, and what must hold
 * in the rendered manifests.
 */
class HelmChartTests {

	private static final List<String> DEFAULT_MODULES = List.of("api-service", "router-service",
			"smpp-connector-service", "dlr-service", "webhook-service");

	private static RenderedManifests defaults;

	private static RenderedManifests production;

	private static RenderedManifests modem;

	@BeforeAll
	static void render() {
		defaults = template();
		production = template("ci/production-values.yaml");
		modem = template("ci/modem-values.yaml");
	}

	@Test
	void lintPassesStrictly() {
		// helm-java's lint takes no values file: the other values files are checked by template,
		// which validates them against values.schema.json
		LintResult result = new Helm(Repository.chart()).lint().strict().call();
		assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
	}

	@Test
	void valuesThatBreakTheSchemaAreRefused() {
		var template = new Helm(Repository.chart()).template().withName("gw").set("kafka.partitions", "many");
		assertThatThrownBy(template::call).hasMessageContaining("partitions");
	}

	@Test
	void everyServiceButTheModemIsADeploymentWithTheImageTheJibBuildNames() {
		assertThat(defaults.workloads()).extracting((w) -> (String) w.get("kind")).containsOnly("Deployment");
		assertThat(defaults.workloads()).extracting((w) -> (String) container(w).get("image"))
			.containsExactlyInAnyOrderElementsOf(DEFAULT_MODULES.stream().map((m) -> "smsgw/" + m + ":0.1.0-SNAPSHOT").toList());
		assertThat(production.workloads()).extracting((w) -> (String) container(w).get("image"))
			.allSatisfy((image) -> assertThat(image).startsWith("registry.example.com/smsgw/").endsWith(":1.2.3"));
		assertThat(defaults.objects()).extracting(RenderedManifests::name).noneMatch((n) -> n.contains("modem"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyContainerHasActuatorProbesResourcesAndItsPort() {
		for (RenderedManifests manifests : List.of(defaults, production, modem)) {
			for (Map<String, Object> workload : manifests.workloads()) {
				Map<String, Object> container = container(workload);
				assertThat(path(container, "livenessProbe", "httpGet", "path")).as(name(workload))
					.isEqualTo("/actuator/health/liveness");
				assertThat(path(container, "readinessProbe", "httpGet", "path")).as(name(workload))
					.isEqualTo("/actuator/health/readiness");
				assertThat((Map<String, Object>) path(container, "resources", "requests")).as(name(workload))
					.containsKeys("cpu", "memory");
				assertThat((Map<String, Object>) path(container, "resources", "limits")).as(name(workload))
					.containsKey("memory");
				String port = String.valueOf(((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
				assertThat(env(container)).as(name(workload)).containsEntry("PORT", port);
				// C1 only, but C1 and C2 for the SMPP connector, as the images run: docs/operations.md#jvm-options
				assertThat(env(container).get("JAVA_TOOL_OPTIONS")).as(name(workload))
					.contains("-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=" + (name(workload).endsWith("-smpp") ? 4 : 1));
			}
		}
	}

	@Test
	void secretsAreReferencedNeverInlined() {
		Map<String, Object> smpp = workload(production, "smpp");
		assertThat(env(smpp)).doesNotContainKey("SMS_SMPP_CONNECTIONS_0_PASSWORD");
		assertThat(secretRef(smpp, "SMS_SMPP_CONNECTIONS_0_PASSWORD")).isEqualTo("smsgw-secrets/smsc-a-password");
		assertThat(secretRef(workload(production, "webhook"), "SMS_WEBHOOK_SIGNINGSECRETS_ACME"))
			.isEqualTo("smsgw-secrets/webhook-secret-acme");
		assertThat(secretRef(workload(production, "dlr"), "DATABASE_PASSWORD")).isEqualTo("smsgw-pg-app/password");
		assertThat(secretRef(workload(production, "api"), "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD"))
			.isEqualTo("smsgw-secrets/kafka-truststore-password");
		assertThat(production.ofKind("Secret")).as("existingSecret: the chart creates none").isEmpty();
		assertThat(secretRef(workload(defaults, "api"), "DATABASE_PASSWORD")).isEqualTo("gw-smsgw-secrets/database-password");
		assertThat(defaults.ofKind("Secret")).extracting(RenderedManifests::name).containsExactly("gw-smsgw-secrets");
	}

	@Test
	void externalKafkaAndPostgresqlReachEveryServiceThatUsesThem() {
		for (Map<String, Object> workload : production.workloads()) {
			assertThat(env(workload)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "prod-kafka-kafka-bootstrap.kafka.svc:9093")
				.containsEntry("SMS_KAFKA_PARTITIONS", "24");
		}
		assertThat(env(workload(production, "dlr"))).containsEntry("DATABASE_URL",
				"jdbc:postgresql://smsgw-pg-rw.databases.svc:5432/smsgw?sslmode=require");
		assertThat(env(workload(production, "smpp"))).doesNotContainKey("DATABASE_URL");
		Map<String, Object> config = configMap(production, "smpp");
		assertThat(String.valueOf(config.get("smpp-connector-service.yml"))).contains("host: smsc-a.operator.example")
			.contains("security.protocol: SSL");
		assertThat(String.valueOf(configMap(defaults, "router").get("router-service.yml")))
			.contains("jwk-set-uri: http://gw-smsgw-api:8080/oauth2/jwks");
	}

	@Test
	void autoscalersBudgetsAndMonitoringObjects() {
		assertThat(defaults.ofKind("HorizontalPodAutoscaler")).extracting(RenderedManifests::name)
			.containsExactlyInAnyOrder("gw-smsgw-api", "gw-smsgw-router", "gw-smsgw-dlr", "gw-smsgw-webhook");
		assertThat(production.ofKind("HorizontalPodAutoscaler")).filteredOn((h) -> name(h).endsWith("-api"))
			.singleElement().satisfies((h) -> assertThat(path(h, "spec", "maxReplicas")).isEqualTo(12));
		// new pods' JIT warm-up must not make the autoscaler add more pods at once
		assertThat(defaults.ofKind("HorizontalPodAutoscaler")).allSatisfy((h) -> assertThat(
				path(h, "spec", "behavior", "scaleUp", "stabilizationWindowSeconds")).isEqualTo(180));
		assertThat(defaults.ofKind("PodDisruptionBudget")).hasSize(4);
		assertThat(production.ofKind("PodDisruptionBudget")).hasSize(5);
		assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
		assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
		assertThat(production.ofKind("ServiceMonitor")).singleElement()
			.satisfies((m) -> assertThat(String.valueOf(path(m, "spec", "endpoints"))).contains("/actuator/prometheus"));
		assertThat(production.ofKind("PrometheusRule")).singleElement()
			.satisfies((r) -> assertThat(String.valueOf(path(r, "spec", "groups"))).contains("SmppBindDown", "DeadLettersGrowing"));
		Map<String, Object> dashboards = production.ofKind("ConfigMap").stream()
			.filter((c) -> name(c).endsWith("-dashboards")).findFirst().orElseThrow();
		assertThat(path(dashboards, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
		assertThat((Map<String, Object>) path(dashboards, "data")).containsOnlyKeys("smsgw-connectors.json",
				"smsgw-overview.json", "smsgw-tenants.json", "smsgw-webhooks.json");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theModemConnectorIsAStatefulSetOnItsNodeWithItsDevices() {
		Map<String, Object> statefulSet = modem.ofKind("StatefulSet").stream().findFirst().orElseThrow();
		assertThat(name(statefulSet)).isEqualTo("gw-smsgw-modem");
		assertThat(path(statefulSet, "spec", "replicas")).isEqualTo(1);
		assertThat(container(statefulSet).get("image")).isEqualTo("smsgw/modem-connector-service:0.1.0-SNAPSHOT");
		assertThat((Map<String, Object>) path(statefulSet, "spec", "template", "spec", "nodeSelector"))
			.containsEntry("kubernetes.io/hostname", "rack-host-1");
		List<Map<String, Object>> volumes = (List<Map<String, Object>>) path(statefulSet, "spec", "template", "spec", "volumes");
		assertThat(volumes).filteredOn((v) -> v.containsKey("hostPath")).extracting((v) -> path(v, "hostPath", "type"))
			.containsExactly("CharDevice", "CharDevice");
		assertThat(String.valueOf(container(statefulSet).get("volumeMounts")))
			.contains("/dev/serial/by-id/usb-Quectel_EC25-if02-port0");
		assertThat(modem.ofKind("HorizontalPodAutoscaler")).noneMatch((h) -> name(h).contains("modem"));
	}

	private static RenderedManifests template(String... valuesFiles) {
		Path chart = Repository.chart();
		var template = new Helm(chart).template().withName("gw");
		for (String values : valuesFiles) {
			template = template.withValuesFile(chart.resolve(values));
		}
		return RenderedManifests.parse(template.call());
	}

	private static Map<String, Object> workload(RenderedManifests manifests, String service) {
		return manifests.workloads().stream().filter((w) -> name(w).endsWith("-" + service)).findFirst().orElseThrow();
	}

	private static Map<String, Object> configMap(RenderedManifests manifests, String service) {
		Map<String, Object> map = manifests.ofKind("ConfigMap").stream().filter((c) -> name(c).endsWith("-" + service))
			.findFirst().orElseThrow();
		return (Map<String, Object>) path(map, "data");
	}

	/** Plain env values of a workload's container (or of a container). */
	@SuppressWarnings("unchecked")
	private static Map<String, String> env(Map<String, Object> workloadOrContainer) {
		Map<String, Object> container = workloadOrContainer.containsKey("kind") ? container(workloadOrContainer)
				: workloadOrContainer;
		Map<String, String> env = new java.util.LinkedHashMap<>();
		for (Map<String, Object> entry : (List<Map<String, Object>>) container.get("env")) {
			if (entry.containsKey("value")) {
				env.put((String) entry.get("name"), String.valueOf(entry.get("value")));
			}
		}
		return env;
	}

	/** "secret/key" an env var is read from, or null. */
	@SuppressWarnings("unchecked")
	private static String secretRef(Map<String, Object> workload, String name) {
		for (Map<String, Object> entry : (List<Map<String, Object>>) container(workload).get("env")) {
			if (name.equals(entry.get("name"))) {
				Object secret = path(entry, "valueFrom", "secretKeyRef", "name");
				return (secret != null) ? secret + "/" + path(entry, "valueFrom", "secretKeyRef", "key") : null;
			}
		}
		return null;
	}

}
