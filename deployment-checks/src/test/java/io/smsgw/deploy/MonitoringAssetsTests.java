package io.smsgw.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smsgw.deploy.MonitoringQueries.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboards and alert rules: four dashboards, every metric they query documented in
 * docs/metrics.md, every alert's runbook anchor present in docs/operations.md, and promtool's
 * checks and unit tests of the rules when promtool is installed (.ci/run installs it).
 */
class MonitoringAssetsTests {

	@Test
	void theFourDashboardsQueryMetricsAndEveryMetricIsDocumented() throws IOException {
		List<Query> dashboards = MonitoringQueries.dashboards(Repository.chart());
		assertThat(dashboards).extracting((q) -> q.source().split(":")[0]).containsOnly("dashboard smsgw-overview.json",
				"dashboard smsgw-connectors.json", "dashboard smsgw-tenants.json", "dashboard smsgw-webhooks.json");
		String documented = Files.readString(Repository.root().resolve("docs/metrics.md"));
		Set<String> undocumented = new TreeSet<>();
		for (Query query : MonitoringQueries.all(Repository.chart())) {
			assertThat(query.metrics()).as(query.source()).isNotEmpty();
			query.metrics().stream().filter((m) -> !documented.contains(baseName(m))).forEach(undocumented::add);
		}
		assertThat(undocumented).as("metrics queried but missing from docs/metrics.md").isEmpty();
	}

	@Test
	void everyAlertHasARunbookSectionInTheOperatorGuide() throws IOException {
		String guide = Files.readString(Repository.root().resolve("docs/operations.md")).toLowerCase();
		String rules = Files.readString(Repository.chart().resolve("alerts/smsgw-rules.yml"));
		List<String> anchors = rules.lines().filter((l) -> l.contains("runbook: docs/operations.md#"))
			.map((l) -> l.substring(l.indexOf('#') + 1).trim()).distinct().toList();
		assertThat(anchors).hasSizeGreaterThan(5);
		for (String anchor : anchors) {
			assertThat(guide).as("docs/operations.md heading for #" + anchor).containsPattern("(?m)^#+ " + anchor + "\\b");
		}
	}

	@Test
	void promtoolChecksAndUnitTestsTheRules() throws Exception {
		assumeTrue(onPath("promtool"), "promtool not installed (apt-get install prometheus); .ci/run installs it");
		Path alerts = Repository.chart().resolve("alerts");
		assertThat(run(alerts, "promtool", "check", "rules", "smsgw-rules.yml")).contains("SUCCESS");
		assertThat(run(alerts, "promtool", "test", "rules", "smsgw-rules.test.yml")).contains("SUCCESS");
		assertThat(run(Repository.root(), "promtool", "check", "config", "--syntax-only", "deploy/prometheus/prometheus.yml"))
			.contains("SUCCESS");
	}

	@Test
	void metricNamesAreReadFromPromQl() {
		assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket{x=~\"$v\"}[$__rate_interval])))"))
			.containsExactly("a_seconds_bucket");
		assertThat(PromQl.metricNames("sum by (c) (rate(x_total[15m])) < 0.5 * sum by (c) (rate(y_total{s=\"0x0\"}[15m])) and z > 0.05"))
			.containsExactly("x_total", "y_total", "z");
		assertThat(PromQl.metricNames("max by (rack) (m_up) / on (rack) group_left m_configured offset 1h"))
			.containsExactly("m_up", "m_configured");
	}

	/** The Micrometer-style name docs/metrics.md lists for a Prometheus series. */
	static String baseName(String series) {
		return series.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_(total|seconds)$", "");
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static String run(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		return output;
	}

}
