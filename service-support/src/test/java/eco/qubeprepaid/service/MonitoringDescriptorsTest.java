package eco.qubeprepaid.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the monitoring descriptors with the real tools (Debian's {@code prometheus} and
 * {@code prometheus-alertmanager}, installed by {@code .ci/run}): the scrape
 * configuration and its rule files ({@code promtool check config}), the alert rules' unit
 * tests, which provoke faults on synthetic series and expect each alert to fire with its
 * labels and annotations, or not ({@code promtool test rules}), and Alertmanager's
 * routing ({@code amtool check-config}); and what the tools cannot see: every rule has a
 * severity, a summary and a runbook line, and every metric a rule uses is one that
 * {@code docs/metrics.md} lists.
 */
class MonitoringDescriptorsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");

	/** PromQL words that are not metric names. */
	private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "bool", "offset");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	@Test
	void prometheusAcceptsTheScrapeConfigurationAndItsRules() {
		assertThat(run(PROMETHEUS, "promtool", "check", "config", "prometheus.yml")).contains("SUCCESS");
		assertThat(run(PROMETHEUS, "promtool", "check", "rules", "alerts.yml")).contains("SUCCESS");
	}

	@Test
	void eachProvokedFaultFiresItsAlertAndNothingFiresBeforeIt() {
		assertThat(run(PROMETHEUS, "promtool", "test", "rules", "alerts.test.yml")).contains("SUCCESS");
	}

	@Test
	void alertmanagerAcceptsItsRouting() {
		assertThat(run(ROOT.resolve("deploy/alertmanager"), "amtool", "check-config", "alertmanager.yml"))
			.contains("SUCCESS");
	}

	@Test
	void everyRuleHasASeveritySummaryAndRunbookAndUsesOnlyDocumentedMetrics() throws IOException {
		Set<String> documented = documentedMetrics();
		List<String> problems = new ArrayList<>();
		int rules = 0;
		for (Map<String, Object> rule : rules()) {
			rules++;
			String name = String.valueOf(rule.get("alert"));
			Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
			Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
			if (labels == null || !Set.of("page", "warn").contains(labels.get("severity"))) {
				problems.add(name + ": no severity page|warn");
			}
			for (String annotation : List.of("summary", "runbook")) {
				if (annotations == null || String.valueOf(annotations.get(annotation)).isBlank()
						|| annotations.get(annotation) == null) {
					problems.add(name + ": no " + annotation);
				}
			}
			for (String metric : metricsOf(String.valueOf(rule.get("expr")))) {
				if (!documented.contains(base(metric))) {
					problems.add(name + ": metric " + metric + " is not in docs/metrics.md");
				}
			}
		}
		assertThat(rules).as("alert rules").isGreaterThanOrEqualTo(10);
		assertThat(problems).isEmpty();
	}

	@Test
	void theMetricExtractionFindsMetricsAndSkipsLabelsFunctionsAndWords() {
		assertThat(metricsOf("max by (key) (qube_api_budget_remaining) == 0 and sum(increase("
				+ "payment_webhooks_total{outcome=~\"bad_signature\"}[10m])) > 10"))
			.containsExactlyInAnyOrder("qube_api_budget_remaining", "payment_webhooks_total");
		assertThat(base("payment_webhooks_total")).isEqualTo("payment_webhooks");
		assertThat(base("ledger_debits_paise_count")).isEqualTo("ledger_debits_paise");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules() throws IOException {
		Map<String, Object> file = new Yaml()
			.load(Files.readString(PROMETHEUS.resolve("alerts.yml"), StandardCharsets.UTF_8));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			rules.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return rules;
	}

	/**
	 * The metric names of a PromQL expression: identifiers outside label matchers,
	 * grouping clauses, ranges and strings that are neither functions nor PromQL words.
	 */
	static Set<String> metricsOf(String expr) {
		String bare = expr.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> metrics = new TreeSet<>();
		Matcher m = IDENTIFIER.matcher(bare);
		while (m.find()) {
			String word = m.group();
			boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
			if (!function && !PROMQL_WORDS.contains(word)) {
				metrics.add(word);
			}
		}
		return metrics;
	}

	/** A Prometheus name without the suffixes Micrometer adds to a meter's name. */
	static String base(String prometheusName) {
		return prometheusName.replaceAll("_(total|count|sum|max|bucket)$", "");
	}

	/**
	 * Every meter the tables of docs/metrics.md name in backticks (before its list of
	 * alerts), in Prometheus form (dots and hyphens as underscores, without the
	 * suffixes).
	 */
	private static Set<String> documentedMetrics() throws IOException {
		String whole = Files.readString(ROOT.resolve("docs/metrics.md"), StandardCharsets.UTF_8);
		// Only the meter tables count, not the table of alerts that lists what they use.
		int alerts = whole.indexOf("## Alert rules");
		String doc = (alerts >= 0) ? whole.substring(0, alerts) : whole;
		Set<String> names = new TreeSet<>();
		Matcher m = Pattern.compile("`([a-z][a-z0-9_.-]*)`").matcher(doc);
		while (m.find()) {
			names.add(base(m.group(1).replace('.', '_').replace('-', '_')));
		}
		return names;
	}

	private static String run(Path dir, String... command) {
		Path binary = Path.of("/usr/bin", command[0]);
		assertThat(Files.isExecutable(binary) || onPath(command[0]))
			.as(command[0] + " is not installed: apt-get install -y --no-install-recommends prometheus"
					+ " prometheus-alertmanager (.ci/run installs them)")
			.isTrue();
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(String.join(" ", command) + " exit code; output:\n" + output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new AssertionError("could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	private static boolean onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(":")) {
			if (Files.isExecutable(Path.of(dir, name))) {
				return true;
			}
		}
		return false;
	}

}
