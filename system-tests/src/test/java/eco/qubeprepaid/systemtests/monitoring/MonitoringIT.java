package eco.qubeprepaid.systemtests.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import eco.qubeprepaid.events.MeterMode;
import eco.qubeprepaid.events.Topics;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab;
import eco.qubeprepaid.systemtests.cutoff.CutoffLab.Premise;
import eco.qubeprepaid.systemtests.support.OperatorWebhookTap;
import eco.qubeprepaid.systemtests.support.SystemUnderTest;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring as operators get it, proven on real servers: a real Prometheus scrapes
 * the whole system of this JVM (sandbox, poller-, balance-, payment- and
 * notifier-service) with the repository's alert rules, and a real Alertmanager with the
 * repository's routing (only its waits shortened) delivers to notifier-service's
 * receiver, which tells the operators' webhook. Through a short scenario (meters polled
 * and billed, a premise cut and paid back on, a tenant notified, low balances) every
 * query of every dashboard panel and every measure of every alert rule returns data; then
 * a growing dead-letter topic makes {@code DeadLettersGrowing} fire, and it reaches the
 * operators once. Nothing is stubbed: the waits of Alertmanager's routing are the only
 * thing shortened.
 */
class MonitoringIT {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The topic whose dead letters are provoked: notifier-service consumes it, and no
	 * test taps it (a malformed snapshot would break the shared snapshot tap).
	 */
	private static final String FAULTY_TOPIC = Topics.TENANTS;

	private static MonitoringServers servers;

	private static int prometheusPort;

	private final SystemUnderTest system = SystemUnderTest.get();

	private final CutoffLab lab = new CutoffLab();

	@BeforeAll
	static void startPrometheusAndAlertmanager() throws IOException {
		SystemUnderTest system = SystemUnderTest.get();
		Path dir = ROOT.resolve("system-tests/target/monitoring-it");
		deleteRecursively(dir);
		Files.createDirectories(dir);
		Path prometheus = MonitoringServers.executable("prometheus");
		Path alertmanager = MonitoringServers.executable("prometheus-alertmanager", "alertmanager");
		Path promtool = MonitoringServers.executable("promtool");
		Path amtool = MonitoringServers.executable("amtool");
		int alertmanagerPort = freePort();
		prometheusPort = freePort();

		// The repository's routing, to this JVM's notifier-service, with waits of seconds
		// instead of minutes.
		String routing = Files.readString(ROOT.resolve("deploy/alertmanager/alertmanager.yml"))
			.replace("http://notifier-service:8084", system.notifierUrl())
			.replaceAll("group_wait: \\S+", "group_wait: 1s")
			.replaceAll("group_interval: \\S+", "group_interval: 2s");
		Files.writeString(dir.resolve("alertmanager.yml"), routing);
		assertThat(MonitoringServers.run(dir, amtool.toString(), "check-config", "alertmanager.yml"))
			.contains("SUCCESS");

		StringBuilder config = new StringBuilder();
		config.append("# Written by MonitoringIT: the system of the test JVM, scraped every second.\n");
		config.append("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
		config.append("rule_files:\n  - ").append(ROOT.resolve("deploy/prometheus/alerts.yml")).append('\n');
		config.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['127.0.0.1:")
			.append(alertmanagerPort)
			.append("']\n");
		config.append("scrape_configs:\n  - job_name: qube-prepaid\n    metrics_path: /actuator/prometheus\n");
		config.append("    static_configs:\n      - targets:\n");
		system.scrapeTargets().forEach((target) -> config.append("          - '").append(target).append("'\n"));
		Files.writeString(dir.resolve("prometheus.yml"), config.toString());
		assertThat(MonitoringServers.run(dir, promtool.toString(), "check", "config", "prometheus.yml"))
			.contains("SUCCESS");

		servers = new MonitoringServers();
		servers.start("alertmanager", dir, alertmanagerPort,
				List.of(alertmanager.toString(), "--config.file=alertmanager.yml", "--storage.path=alertmanager-data",
						"--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="));
		servers.start("prometheus", dir, prometheusPort, List.of(prometheus.toString(), "--config.file=prometheus.yml",
				"--storage.tsdb.path=prometheus-data", "--web.listen-address=127.0.0.1:" + prometheusPort));
	}

	@AfterAll
	static void stopThem() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void everyPanelAndRuleHasDataAndAGrowingDeadLetterTopicAlertsTheOperatorsOnce() throws Exception {
		await("every target scraped").atMost(Duration.ofSeconds(60))
			.until(() -> query("count(up{job=\"qube-prepaid\"} == 1)").stream()
				.anyMatch((sample) -> sample.path("value")
					.path(1)
					.asString()
					.equals(Integer.toString(this.system.scrapeTargets().size()))));

		// A premise at zero with a tenant, cut at once (no friendly window), then paid
		// back on through the gateway; another with a little credit that runs out.
		List<Premise> premises = this.lab.newPremises(2, MeterMode.POSTPAID, 0);
		Premise paying = premises.get(0);
		Premise spending = premises.get(1);
		premises.forEach(this.lab::noWindow);
		this.system.payment("POST", "/api/tenants", Map.of("premiseId", paying.id(), "name", "Asha Verma", "phone",
				"+919812345678", "language", "hi", "reason", "monitoring scenario"));
		this.lab.run();
		premises.forEach(this.lab::awaitFirstReading);
		this.lab.fundFor(spending, Duration.ofSeconds(20));
		await("the premise at zero cut").atMost(Duration.ofSeconds(60)).until(() -> !this.lab.relayOn(paying));
		JsonNode topUp = this.system.payment("POST", "/api/top-ups",
				Map.of("premiseId", paying.id(), "amountPaise", 50_000));
		this.system.gateway("POST", "/orders/" + topUp.get("orderId").asString() + "/pay", Map.of("method", "upi"));
		await("the paid premise back on").atMost(Duration.ofSeconds(60)).until(() -> this.lab.relayOn(paying));

		// Every panel's query and every rule's measures return data.
		Map<String, String> measures = measures();
		Map<String, String> empty = new TreeMap<>();
		long dataFrom = System.nanoTime();
		try {
			await("data for every panel and rule").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> {
					empty.clear();
					measures.forEach((query, where) -> {
						if (query(query).isEmpty()) {
							empty.put(where + " #" + empty.size(), query);
						}
					});
					return empty.isEmpty();
				});
		}
		catch (ConditionTimeoutException ex) {
			// The assertion below names every query still without data.
		}
		assertThat(empty).as("queries without data after 2 minutes").isEmpty();
		System.out.printf("[monitoring-it] %d queries (panels and rule measures) returned data within %d ms%n",
				measures.size(), (System.nanoTime() - dataFrom) / 1_000_000);

		// A growing dead-letter topic: malformed records, each dead-lettered at once by
		// balance-service, until the alert reaches the operators.
		OperatorWebhookTap hooks = this.system.operatorHooks();
		long faultFrom = System.nanoTime();
		await("DeadLettersGrowing at the operators' webhook").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(3))
			.until(() -> {
				this.system.kafka()
					.publishRaw(FAULTY_TOPIC, "monitoring-it", "not an event".getBytes(StandardCharsets.UTF_8))
					.get();
				return !deadLetterAlerts(hooks).isEmpty();
			});
		System.out.printf("[monitoring-it] DeadLettersGrowing at the operators' webhook %d ms after the first"
				+ " malformed record%n", (System.nanoTime() - faultFrom) / 1_000_000);
		JsonNode firing = firingAlerts().stream()
			.filter((alert) -> alert.path("labels").path("alertname").asString().equals("DeadLettersGrowing"))
			.findFirst()
			.orElseThrow();
		assertThat(firing.path("labels").path("application").asString()).isEqualTo("notifier-service");
		assertThat(firing.path("labels").path("reason").asString()).isEqualTo("malformed");
		// Once: Alertmanager keeps the alert and Prometheus re-sends it every second, and
		// the
		// operators still hold one notice for it.
		await("no second notice").during(Duration.ofSeconds(10))
			.atMost(Duration.ofSeconds(15))
			.until(() -> deadLetterAlerts(hooks).size() == 1);
		OperatorWebhookTap.Hook hook = deadLetterAlerts(hooks).get(0);
		assertThat(hook.body()).contains("[FIRING] DeadLettersGrowing (page)").contains("reason=malformed");
		assertThat(hook.signature()).startsWith("sha256=");
		assertThat(query("sum(notifier_alerts_received_total{outcome=\"accepted\",status=\"firing\"})")).isNotEmpty();
	}

	private static List<OperatorWebhookTap.Hook> deadLetterAlerts(OperatorWebhookTap hooks) {
		return hooks.received()
			.stream()
			.filter((hook) -> hook.body().contains("DeadLettersGrowing") && hook.body().contains(FAULTY_TOPIC)
					&& hook.body().contains("FIRING"))
			.toList();
	}

	/**
	 * @return every measure to prove, with where it comes from
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, String> measures() throws IOException {
		Map<String, String> measures = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = JSON.readTree(file.toFile());
				List<JsonNode> panels = new ArrayList<>();
				collectPanels(dashboard.path("panels"), panels);
				for (JsonNode panel : panels) {
					for (JsonNode target : panel.path("targets")) {
						for (String measure : PromQl.measures(target.path("expr").asString())) {
							measures.putIfAbsent(measure,
									dashboard.path("uid").asString() + " / " + panel.path("title").asString());
						}
					}
				}
			}
		}
		assertThat(measures).as("dashboard queries").hasSizeGreaterThan(40);
		Map<String, Object> rules;
		try (InputStream in = Files.newInputStream(ROOT.resolve("deploy/prometheus/alerts.yml"))) {
			rules = new Yaml().load(in);
		}
		int alerts = 0;
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				alerts++;
				for (String measure : PromQl.measures((String) rule.get("expr"))) {
					measures.putIfAbsent(measure, "alert " + rule.get("alert"));
				}
			}
		}
		assertThat(alerts).as("alert rules").isGreaterThanOrEqualTo(13);
		return measures;
	}

	private static void collectPanels(JsonNode panels, List<JsonNode> into) {
		for (JsonNode panel : panels) {
			into.add(panel);
			collectPanels(panel.path("panels"), into);
		}
	}

	private static List<JsonNode> query(String promql) {
		String url = "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
				+ URLEncoder.encode(promql, StandardCharsets.UTF_8);
		String body = servers.get(url).orElseThrow(() -> new IllegalStateException("Prometheus is away")).body();
		JsonNode answer = JSON.readTree(body);
		if (!"success".equals(answer.path("status").asString())) {
			throw new IllegalStateException("Prometheus refused " + promql + ": " + body);
		}
		JsonNode data = answer.path("data");
		List<JsonNode> result = new ArrayList<>();
		if ("scalar".equals(data.path("resultType").asString())) {
			result.add(data.path("result"));
		}
		else {
			data.path("result").forEach(result::add);
		}
		return result;
	}

	private static List<JsonNode> firingAlerts() {
		String body = servers.get("http://127.0.0.1:" + prometheusPort + "/api/v1/alerts").orElseThrow().body();
		List<JsonNode> alerts = new ArrayList<>();
		JSON.readTree(body).path("data").path("alerts").forEach((alert) -> {
			if ("firing".equals(alert.path("state").asString())) {
				alerts.add(alert);
			}
		});
		return alerts;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
