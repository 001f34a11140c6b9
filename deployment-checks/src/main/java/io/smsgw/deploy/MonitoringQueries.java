package io.smsgw.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL queries of the chart's Grafana dashboards ({@code helm/smsgw/dashboards/*.json}) and
 * alert rules ({@code helm/smsgw/alerts/*-rules.yml}), with where each comes from, so that tests
 * can check that every metric they use exists.
 */
public final class MonitoringQueries {

	private MonitoringQueries() {
	}

	/** One query: where it is ("dashboard smsgw-overview.json: panel title" or "alert X") and its expression. */
	public record Query(String source, String expression) {

		/** The metric names this query reads. */
		public List<String> metrics() {
			return PromQl.metricNames(this.expression);
		}

	}

	/** The chart directory, from the repository root. */
	public static Path chart(Path root) {
		return root.resolve("helm/smsgw");
	}

	/** Every query of every dashboard and alert rule under the chart. */
	public static List<Query> all(Path chart) {
		List<Query> queries = new ArrayList<>(dashboards(chart));
		queries.addAll(alertRules(chart));
		return queries;
	}

	/** The targets of every panel of every dashboard. */
	public static List<Query> dashboards(Path chart) {
		JsonMapper json = JsonMapper.builder().build();
		List<Query> queries = new ArrayList<>();
		for (Path file : files(chart.resolve("dashboards"), ".json")) {
			JsonNode dashboard = json.readTree(file.toFile());
			collect(file.getFileName().toString(), dashboard.path("panels"), queries);
		}
		return queries;
	}

	private static void collect(String file, JsonNode panels, List<Query> queries) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asText("");
				if (!expr.isBlank()) {
					queries.add(new Query("dashboard " + file + ": " + panel.path("title").asText(), expr));
				}
			}
			collect(file, panel.path("panels"), queries);
		}
	}

	/** The expression of every alerting and recording rule. */
	@SuppressWarnings("unchecked")
	public static List<Query> alertRules(Path chart) {
		List<Query> queries = new ArrayList<>();
		for (Path file : files(chart.resolve("alerts"), "-rules.yml")) {
			Map<String, Object> document;
			try (InputStream in = Files.newInputStream(file)) {
				document = new Yaml().load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
					queries.add(new Query("alert " + name, String.valueOf(rule.get("expr"))));
				}
			}
		}
		return queries;
	}

	private static List<Path> files(Path directory, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
