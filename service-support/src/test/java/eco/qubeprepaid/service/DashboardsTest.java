package eco.qubeprepaid.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco.qubeprepaid.service.DashboardQueries.DashboardQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the Grafana dashboards and their provisioning without Grafana: the five fixed
 * uids, panels that each have an id, a title, a place and a query on the provisioned
 * datasource, queries that are valid PromQL ({@code promtool check rules} on a recording
 * rule per query) and use only the metrics {@code docs/metrics.md} lists, every
 * notifier-service metric on a panel, and every panel that {@code docs/metrics.md} names
 * real. Whether each query returns data is proven by the live test against a real
 * Prometheus.
 */
class DashboardsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Map<String, String> DASHBOARDS = Map.of("qp-operations", "Operations overview", "qp-money",
			"Money", "qp-qube-api", "Qube API", "qp-kafka", "Kafka", "qp-notifications", "Notifications");

	/**
	 * Metrics of Prometheus, the JVM, HTTP, HikariCP and the Kafka client the panels may
	 * use.
	 */
	private static final Set<String> STANDARD = Set.of("up", "http_server_requests_seconds_count",
			"http_server_requests_seconds_sum", "jvm_memory_used_bytes", "hikaricp_connections_active",
			"hikaricp_connections_pending", "kafka_consumer_fetch_manager_records_lag_max", "process_cpu_usage");

	private static final String DATASOURCE_UID = "prometheus";

	private final List<JsonNode> dashboards = DashboardQueries.dashboards(ROOT);

	@Test
	void theFiveDashboardsHaveTheirFixedUidsAndModernJson() {
		List<String> uids = new ArrayList<>();
		for (JsonNode dashboard : this.dashboards) {
			String uid = dashboard.path("uid").asText();
			uids.add(uid);
			assertThat(dashboard.path("title").asText()).as(uid + " title").contains(DASHBOARDS.getOrDefault(uid, "?"));
			assertThat(dashboard.path("schemaVersion").asInt()).as(uid + " schemaVersion").isEqualTo(39);
			assertThat(dashboard.path("templating").path("list")).as(uid + ": no template variables").isEmpty();
		}
		assertThat(uids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(DASHBOARDS.keySet());
	}

	@Test
	void everyPanelHasAnIdATitleAPlaceAndQueriesOnTheProvisionedDatasource() {
		List<String> problems = new ArrayList<>();
		for (JsonNode dashboard : this.dashboards) {
			String uid = dashboard.path("uid").asText();
			Set<Integer> ids = new HashSet<>();
			int panels = 0;
			for (JsonNode panel : dashboard.path("panels")) {
				panels++;
				String where = uid + " panel " + panel.path("id") + " \"" + panel.path("title").asText() + "\"";
				if (!panel.path("id").isInt() || !ids.add(panel.path("id").asInt())) {
					problems.add(where + ": no id, or one used twice");
				}
				if (panel.path("title").asText().isBlank()) {
					problems.add(where + ": no title");
				}
				if (!Set.of("timeseries", "stat").contains(panel.path("type").asText())) {
					problems.add(where + ": type " + panel.path("type") + " (timeseries or stat)");
				}
				for (String field : List.of("h", "w", "x", "y")) {
					if (!panel.path("gridPos").path(field).isInt()) {
						problems.add(where + ": gridPos." + field + " missing");
					}
				}
				checkDatasource(panel.path("datasource"), where, problems);
				JsonNode targets = panel.path("targets");
				if (!targets.isArray() || targets.isEmpty()) {
					problems.add(where + ": no target");
				}
				Set<String> refIds = new HashSet<>();
				for (JsonNode target : targets) {
					checkDatasource(target.path("datasource"), where, problems);
					String expr = target.path("expr").asText();
					if (expr.isBlank()) {
						problems.add(where + ": a target without expr");
					}
					if (expr.replace("$__rate_interval", "").contains("$")) {
						problems.add(where + ": template variable in " + expr);
					}
					if (target.path("refId").asText().isBlank() || !refIds.add(target.path("refId").asText())) {
						problems.add(where + ": refId missing or used twice");
					}
				}
			}
			if (panels < 5 || panels > 12) {
				problems.add(uid + ": " + panels + " panels (an operator's dashboard has about 6 to 10)");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyQueryUsesOnlyMetricsThatDocsMetricsListsAndEveryNotifierMetricIsOnAPanel() throws IOException {
		Set<String> documented = documentedMetrics();
		List<String> problems = new ArrayList<>();
		Set<String> used = new TreeSet<>();
		for (DashboardQuery query : DashboardQueries.all(ROOT)) {
			Set<String> metrics = DashboardQueries.metricNames(query.expr());
			if (metrics.isEmpty()) {
				problems.add(query + ": no metric");
			}
			for (String metric : metrics) {
				used.add(normal(metric));
				if (!STANDARD.contains(metric) && !documented.contains(normal(metric))) {
					problems.add(query + ": metric " + metric + " is not in docs/metrics.md");
				}
			}
		}
		assertThat(problems).isEmpty();
		Set<String> notifier = notifierMetrics();
		assertThat(notifier).as("the notifier-service table of docs/metrics.md").hasSizeGreaterThanOrEqualTo(6);
		assertThat(used).as("metrics on the dashboards").containsAll(notifier);
	}

	@Test
	void everyPanelAndAlertThatDocsMetricsNamesExists() throws IOException {
		String doc = Files.readString(ROOT.resolve("docs/metrics.md"), StandardCharsets.UTF_8);
		Map<String, Set<String>> panels = new LinkedHashMap<>();
		for (JsonNode dashboard : this.dashboards) {
			Set<String> titles = new HashSet<>();
			dashboard.path("panels").forEach((panel) -> titles.add(panel.path("title").asText()));
			panels.put(dashboard.path("uid").asText(), titles);
		}
		List<String> problems = new ArrayList<>();
		int references = 0;
		Matcher uses = Pattern.compile("`(qp-[a-z-]+)`((?:,? \"[^\"]+\")+)").matcher(doc);
		while (uses.find()) {
			Matcher title = Pattern.compile("\"([^\"]+)\"").matcher(uses.group(2));
			while (title.find()) {
				references++;
				if (!panels.getOrDefault(uses.group(1), Set.of()).contains(title.group(1))) {
					problems.add(uses.group(1) + " has no panel \"" + title.group(1) + "\"");
				}
			}
		}
		String alerts = Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml"), StandardCharsets.UTF_8);
		Matcher alert = Pattern.compile("alerts? `([A-Z][A-Za-z]+)`").matcher(doc);
		while (alert.find()) {
			references++;
			if (!alerts.contains("alert: " + alert.group(1) + "\n")) {
				problems.add("no alert rule " + alert.group(1));
			}
		}
		assertThat(references).as("panels and alerts named in docs/metrics.md").isGreaterThan(40);
		assertThat(problems).isEmpty();
	}

	@Test
	void everyQueryIsValidPromQl(@TempDir Path temp) throws Exception {
		assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs Debian's prometheus)");
		List<DashboardQuery> queries = DashboardQueries.all(ROOT);
		ObjectMapper json = new ObjectMapper();
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
		for (int n = 0; n < queries.size(); n++) {
			// A JSON string is a YAML double-quoted scalar.
			rules.append("      - record: qp:check:")
				.append(n)
				.append("\n        expr: ")
				.append(json.writeValueAsString(queries.get(n).expr()))
				.append('\n');
		}
		Path file = temp.resolve("dashboard-queries.yml");
		Files.writeString(file, rules, StandardCharsets.UTF_8);
		Process process = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		StringBuilder legend = new StringBuilder();
		for (int n = 0; n < queries.size(); n++) {
			legend.append("\nqp:check:").append(n).append(" = ").append(queries.get(n));
		}
		assertThat(process.exitValue()).as("promtool check rules:\n" + output + legend).isZero();
		assertThat(output).contains("SUCCESS: " + queries.size() + " rules found");
	}

	@Test
	void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboardsFolder() throws IOException {
		Map<String, Object> datasources = yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
		List<Map<String, Object>> sources = list(datasources.get("datasources"));
		assertThat(sources).hasSize(1);
		assertThat(sources.get(0)).containsEntry("uid", DATASOURCE_UID)
			.containsEntry("type", "prometheus")
			.containsEntry("url", "http://prometheus:9090");
		Map<String, Object> provider = list(
				yaml("deploy/grafana/provisioning/dashboards/qube-prepaid.yml").get("providers"))
			.get(0);
		assertThat(provider).containsEntry("type", "file");
		assertThat(((Map<?, ?>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
		String compose = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
		assertThat(compose).contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro")
			.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
	}

	@Test
	void theMetricExtractionFindsMetricsAndSkipsLabelsFunctionsKeywordsAndNumbers() {
		assertThat(DashboardQueries.metricNames("sum by (kind) (rate(ledger_debits_paise_count[5m])) * 60"))
			.containsExactly("ledger_debits_paise_count");
		assertThat(DashboardQueries
			.metricNames("histogram_quantile(0.99, sum by (le) (rate(poller_snapshot_age_seconds_bucket[5m])))"))
			.containsExactly("poller_snapshot_age_seconds_bucket");
		assertThat(DashboardQueries.metricNames(
				"sum(increase(notifier_notifications_total{outcome=\"dead-letter\", channel=~\"sms|email\"}[15m]))"
						+ " or on() vector(0)"))
			.containsExactly("notifier_notifications_total");
		assertThat(DashboardQueries.metricNames("up == bool 0 and on(instance) foo_total unless bar offset 5m"))
			.containsExactlyInAnyOrder("up", "foo_total", "bar");
		assertThat(DashboardQueries.metricNames("sum(rate(a_total[5m])) by (job) / ignoring(x) b > 1e3"))
			.containsExactlyInAnyOrder("a_total", "b");
		assertThat(DashboardQueries.metricNames("label_replace(up, \"dst\", \"$1\", \"instance\", \"(.*):(x)\")"))
			.containsExactly("up");
		assertThat(DashboardQueries.metricNames("max_over_time(rate(c_total[1m])[5m:1m]) * on(k) group_left(n) d"))
			.containsExactlyInAnyOrder("c_total", "d");
		assertThat(DashboardQueries.metricNames("min by (instance) (up)")).containsExactly("up");
		assertThat(DashboardQueries.metricNames("vector(0)")).isEmpty();
		assertThat(normal("policy_restore_latency_seconds_bucket")).isEqualTo("policy_restore_latency");
		assertThat(normal("ledger_debits_paise_max")).isEqualTo("ledger_debits");
		assertThat(normal("notifier_notifications_total")).isEqualTo("notifier_notifications");
	}

	@Test
	void theHelperListsEveryTargetOfEveryPanel() {
		List<DashboardQuery> queries = DashboardQueries.all(ROOT);
		int targets = 0;
		for (JsonNode dashboard : this.dashboards) {
			for (JsonNode panel : dashboard.path("panels")) {
				targets += panel.path("targets").size();
			}
		}
		assertThat(queries).hasSize(targets);
		assertThat(queries).extracting(DashboardQuery::dashboardUid).containsAll(DASHBOARDS.keySet());
		assertThat(queries).contains(new DashboardQuery("qp-kafka", "Outbox backlog by application",
				"max by (application) (outbox_pending)"));
	}

	private static void checkDatasource(JsonNode datasource, String where, List<String> problems) {
		if (!"prometheus".equals(datasource.path("type").asText())
				|| !DATASOURCE_UID.equals(datasource.path("uid").asText())) {
			problems.add(where + ": datasource " + datasource + " is not the provisioned one");
		}
	}

	/**
	 * A Prometheus name as docs/metrics.md's meter names become: without Micrometer's
	 * suffixes and base unit.
	 */
	static String normal(String prometheusName) {
		return prometheusName.replaceAll("_(total|count|sum|max|bucket)$", "")
			.replaceAll("_(seconds|paise|bytes)$", "");
	}

	/** Every name in backticks in the meter tables of docs/metrics.md, normalised. */
	private static Set<String> documentedMetrics() throws IOException {
		String whole = Files.readString(ROOT.resolve("docs/metrics.md"), StandardCharsets.UTF_8);
		int alerts = whole.indexOf("## Alert rules");
		String doc = (alerts >= 0) ? whole.substring(0, alerts) : whole;
		return namesIn(doc);
	}

	/** The meters of the notifier-service table (its first column), normalised. */
	private static Set<String> notifierMetrics() throws IOException {
		String doc = Files.readString(ROOT.resolve("docs/metrics.md"), StandardCharsets.UTF_8);
		int start = doc.indexOf("## notifier-service");
		assertThat(start).as("docs/metrics.md has a \"## notifier-service\" section").isNotNegative();
		int end = doc.indexOf("\n## ", start + 1);
		Set<String> names = new TreeSet<>();
		for (String line : doc.substring(start, (end < 0) ? doc.length() : end).split("\n")) {
			if (line.startsWith("| `")) {
				names.addAll(namesIn(line.substring(0, line.indexOf('|', 1))));
			}
		}
		return names;
	}

	private static Set<String> namesIn(String text) {
		Set<String> names = new TreeSet<>();
		Matcher m = Pattern.compile("`([a-z][a-z0-9_.-]*)`").matcher(text);
		while (m.find()) {
			names.add(normal(m.group(1).replace('.', '_').replace('-', '_')));
		}
		return names;
	}

	private static Map<String, Object> yaml(String path) throws IOException {
		try (InputStream in = Files.newInputStream(ROOT.resolve(path))) {
			return new Yaml().load(in);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static boolean onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
				return true;
			}
		}
		return false;
	}

}
