package io.smsgw.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects of a {@code helm template} output, parsed. */
record RenderedManifests(List<Map<String, Object>> objects) {

	@SuppressWarnings("unchecked")
	static RenderedManifests parse(String yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(20 * 1024 * 1024);
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml(options).loadAll(yaml)) {
			if (document instanceof Map<?, ?> map) {
				objects.add((Map<String, Object>) map);
			}
		}
		return new RenderedManifests(objects);
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((o) -> kind.equals(o.get("kind"))).toList();
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		return this.objects.stream()
			.filter((o) -> "Deployment".equals(o.get("kind")) || "StatefulSet".equals(o.get("kind")))
			.toList();
	}

	static String name(Map<String, Object> object) {
		return (String) path(object, "metadata", "name");
	}

	/** The first container of a workload. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> container(Map<String, Object> workload) {
		return ((List<Map<String, Object>>) path(workload, "spec", "template", "spec", "containers")).get(0);
	}

	/** A nested value by keys, or {@code null}. */
	@SuppressWarnings("unchecked")
	static Object path(Map<String, Object> object, String... keys) {
		Object current = object;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = ((Map<String, Object>) map).get(key);
		}
		return current;
	}

}
