package eco.qubeprepaid.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL queries of the Grafana dashboards in {@code deploy/grafana/dashboards}: one
 * per target of every panel. Used by {@code DashboardsTest} and by the live test that
 * runs each query against a real Prometheus (which may copy this class: it needs
 * Jackson's databind only).
 */
public final class DashboardQueries {

	/** The folder of the dashboards, relative to the repository's root. */
	public static final String DASHBOARDS = "deploy/grafana/dashboards";

	/** PromQL words that are neither metrics nor followed by a parenthesis. */
	private static final Set<String> WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "bool", "offset", "inf", "nan", "atan2");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*");

	private DashboardQueries() {
	}

	/**
	 * One query of a dashboard panel.
	 *
	 * @param dashboardUid the dashboard's fixed uid (e.g. {@code qp-money})
	 * @param panelTitle the panel's title
	 * @param expr the PromQL expression of one of its targets
	 */
	public record DashboardQuery(String dashboardUid, String panelTitle, String expr) {

		@Override
		public String toString() {
			return this.dashboardUid + " \"" + this.panelTitle + "\": " + this.expr;
		}

	}

	/**
	 * Every target's query of every panel of every dashboard, in file and panel order.
	 * @param repoRoot the repository's root folder
	 * @return the queries
	 */
	public static List<DashboardQuery> all(Path repoRoot) {
		List<DashboardQuery> queries = new ArrayList<>();
		for (JsonNode dashboard : dashboards(repoRoot)) {
			String uid = dashboard.path("uid").asText();
			for (JsonNode panel : dashboard.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new DashboardQuery(uid, panel.path("title").asText(), target.path("expr").asText()));
				}
			}
		}
		return queries;
	}

	/**
	 * The dashboards' JSON documents, sorted by file name.
	 * @param repoRoot the repository's root folder
	 * @return the parsed dashboards
	 */
	public static List<JsonNode> dashboards(Path repoRoot) {
		ObjectMapper mapper = new ObjectMapper();
		List<JsonNode> dashboards = new ArrayList<>();
		for (Path file : files(repoRoot)) {
			try {
				dashboards.add(mapper.readTree(file.toFile()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read dashboard " + file, ex);
			}
		}
		return dashboards;
	}

	/**
	 * The dashboards' files, sorted by name.
	 * @param repoRoot the repository's root folder
	 * @return the {@code *.json} files of {@link #DASHBOARDS}
	 */
	public static List<Path> files(Path repoRoot) {
		try (Stream<Path> files = Files.list(repoRoot.resolve(DASHBOARDS))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + DASHBOARDS, ex);
		}
	}

	/**
	 * The metric names a PromQL expression reads: the identifiers outside strings, label
	 * matchers, ranges and grouping clauses that are not followed by a parenthesis (a
	 * function or an aggregation) and are not PromQL keywords.
	 * @param expr a PromQL expression
	 * @return the metric names it uses
	 */
	public static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
			.replaceAll("`[^`]*`", "``")
			.replaceAll("\\{[^}]*}", "{}")
			.replaceAll("\\[[^]]*]", "[]")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> metrics = new TreeSet<>();
		Matcher m = IDENTIFIER.matcher(bare);
		while (m.find()) {
			String word = m.group();
			boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
			if (!function && !WORDS.contains(word.toLowerCase())) {
				metrics.add(word);
			}
		}
		return metrics;
	}

}
