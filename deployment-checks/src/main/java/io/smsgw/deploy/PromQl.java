package io.smsgw.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names out of a PromQL expression (with Grafana variables), well enough for
 * the expressions of this project's dashboards and rules: it drops strings, label matchers,
 * range selectors and grouping clauses, then keeps identifiers that are not functions or keywords.
 */
public final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z$_]+");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "group_left", "group_right", "inf", "nan", "Inf",
			"NaN");

	private PromQl() {
	}

	/** The distinct metric names of an expression, in order of appearance. */
	public static List<String> metricNames(String expression) {
		String stripped = STRING.matcher(expression).replaceAll(" ");
		stripped = MATCHERS.matcher(stripped).replaceAll(" ");
		stripped = RANGE.matcher(stripped).replaceAll(" ");
		stripped = GROUPING.matcher(stripped).replaceAll(" ");
		stripped = OFFSET.matcher(stripped).replaceAll(" ");
		List<String> names = new ArrayList<>();
		Matcher matcher = IDENTIFIER.matcher(stripped);
		while (matcher.find()) {
			String name = matcher.group(1);
			boolean function = matcher.group(2) != null;
			if (!function && !KEYWORDS.contains(name) && !names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

}
