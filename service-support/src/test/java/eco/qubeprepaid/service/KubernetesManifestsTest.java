package eco.qubeprepaid.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the Kubernetes manifests of {@code deploy/k8s} (kustomize). Without any tool:
 * every YAML parses, each kustomization's resources exist (recursively), every Deployment
 * probes the actuator's health groups, requests resources and listens on the port its
 * Service targets, one poller per Qube API key (one replica, recreated, its own key
 * Secret), balance-service scaled out within the topics' partitions, and every ConfigMap
 * or Secret key a pod reads exists. With {@code kubectl} on the PATH (not on CI):
 * {@code kubectl
 * kustomize} renders the base and the dev overlay with every Deployment.
 */
class KubernetesManifestsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path BASE = ROOT.resolve("deploy/k8s/base");

	private static final Path DEV = ROOT.resolve("deploy/k8s/overlays/dev");

	private static final Map<String, String> SERVICE_OF = Map.of("balance-service", "balance-service",
			"payment-service", "payment-service", "notifier-service", "notifier-service");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyKustomizationsResourcesExistAndParse() {
		List<JsonNode> dev = resources(DEV);
		List<JsonNode> base = resources(BASE);
		assertThat(dev).hasSameSizeAs(base);
		assertThat(kinds(base)).contains("Namespace", "ConfigMap", "Secret", "Service", "Deployment");
		JsonNode kustomization = readAll(BASE.resolve("kustomization.yaml")).get(0);
		assertThat(kustomization.path("namespace").asText()).isEqualTo("qube-prepaid");
		assertThat(named(base, "Namespace", "qube-prepaid")).isNotNull();
	}

	@Test
	void everyDeploymentProbesTheActuatorGroupsRequestsResourcesAndListensOnItsServicesPort() {
		List<JsonNode> docs = resources(BASE);
		List<String> problems = new ArrayList<>();
		List<JsonNode> deployments = ofKind(docs, "Deployment");
		assertThat(deployments).hasSizeGreaterThanOrEqualTo(5);
		for (JsonNode deployment : deployments) {
			String name = deployment.path("metadata").path("name").asText();
			JsonNode pod = deployment.path("spec").path("template");
			JsonNode container = pod.path("spec").path("containers").get(0);
			if (!"/actuator/health/liveness"
				.equals(container.path("livenessProbe").path("httpGet").path("path").asText())) {
				problems.add(name + ": liveness probe is not /actuator/health/liveness");
			}
			if (!"/actuator/health/readiness"
				.equals(container.path("readinessProbe").path("httpGet").path("path").asText())) {
				problems.add(name + ": readiness probe is not /actuator/health/readiness");
			}
			JsonNode resources = container.path("resources");
			for (String request : List.of("cpu", "memory")) {
				if (resources.path("requests").path(request).asText().isBlank()) {
					problems.add(name + ": no " + request + " request");
				}
			}
			if (resources.path("limits").path("memory").asText().isBlank()) {
				problems.add(name + ": no memory limit");
			}
			int port = container.path("ports").get(0).path("containerPort").asInt();
			String portName = container.path("ports").get(0).path("name").asText();
			JsonNode service = named(docs, "Service", name);
			if (service == null) {
				problems.add(name + ": no Service of the same name");
			}
			else {
				JsonNode servicePort = service.path("spec").path("ports").get(0);
				String target = servicePort.path("targetPort").asText();
				if (!(target.equals(portName) || target.equals(Integer.toString(port)))
						|| servicePort.path("port").asInt() != port) {
					problems.add(name + ": Service port " + servicePort + " does not reach container port " + port);
				}
				JsonNode selector = service.path("spec").path("selector");
				selector.properties().forEach((label) -> {
					if (!label.getValue().equals(pod.path("metadata").path("labels").path(label.getKey()))) {
						problems.add(name + ": Service selector " + label + " does not select the pods");
					}
				});
			}
			JsonNode annotations = pod.path("metadata").path("annotations");
			if (!"true".equals(annotations.path("prometheus.io/scrape").asText())
					|| !Integer.toString(port).equals(annotations.path("prometheus.io/port").asText())
					|| !"/actuator/prometheus".equals(annotations.path("prometheus.io/path").asText())) {
				problems.add(name + ": no Prometheus scrape annotations for port " + port);
			}
			String expected = SERVICE_OF.getOrDefault(name, name.startsWith("poller-key-") ? "poller-service" : "?");
			if (!container.path("image").asText().startsWith("qube-prepaid/" + expected + ":")) {
				problems.add(name + ": image " + container.path("image") + " is not the project's " + expected);
			}
			if (!pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()) {
				problems.add(name + ": not runAsNonRoot");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void onePollerPerQubeKeyWithOneReplicaRecreatedAndItsOwnKeySecret() {
		List<JsonNode> docs = resources(BASE);
		List<JsonNode> pollers = ofKind(docs, "Deployment").stream()
			.filter((d) -> d.path("metadata").path("name").asText().startsWith("poller-key-"))
			.toList();
		assertThat(pollers).as("poller Deployments (poller-key-N)").isNotEmpty();
		Set<String> secrets = new HashSet<>();
		for (JsonNode poller : pollers) {
			String name = poller.path("metadata").path("name").asText();
			assertThat(poller.path("spec").path("replicas").asInt()).as(name + " replicas").isEqualTo(1);
			assertThat(poller.path("spec").path("strategy").path("type").asText()).as(name + " strategy")
				.isEqualTo("Recreate");
			Map<String, JsonNode> env = env(poller);
			JsonNode apiKey = env.get("QUBE_KEYS_0_API_KEY");
			assertThat(apiKey).as(name + ": QUBE_KEYS_0_API_KEY (the key list from the environment alone)").isNotNull();
			String secret = apiKey.path("valueFrom").path("secretKeyRef").path("name").asText();
			assertThat(secret).as(name + ": its API key from a Secret").isNotBlank();
			assertThat(secrets.add(secret)).as(name + ": a key Secret no other poller uses (" + secret + ")").isTrue();
			assertThat(env).as(name + ": one key only")
				.doesNotContainKeys("QUBE_KEYS_1_API_KEY", "QP_QUBE_KEYS_1_API_KEY");
			assertThat(env.get("QUBE_KEYS_0_NAME").path("valueFrom").path("secretKeyRef").path("name").asText())
				.isEqualTo(secret);
			assertThat(env.get("QP_DB_URL").path("value").asText()).as(name + ": the pollers share one database")
				.endsWith("/poller");
		}
	}

	@Test
	void servicesScaleOutWithinThePartitions() throws IOException {
		List<JsonNode> docs = resources(BASE);
		int balance = named(docs, "Deployment", "balance-service").path("spec").path("replicas").asInt();
		String properties = Files
			.readString(ROOT.resolve("service-support/src/main/java/eco/qubeprepaid/service/PlatformProperties.java"));
		Matcher partitions = Pattern.compile("Topics\\(@DefaultValue\\(\"(\\d+)\"\\)").matcher(properties);
		assertThat(partitions.find()).as("qp.platform.topics.partitions' default").isTrue();
		assertThat(balance).as("balance-service replicas: more than one, at most the partitions")
			.isGreaterThan(1)
			.isLessThanOrEqualTo(Integer.parseInt(partitions.group(1)));
		assertThat(named(docs, "Deployment", "payment-service").path("spec").path("replicas").asInt())
			.isGreaterThanOrEqualTo(2);
		assertThat(named(docs, "Deployment", "notifier-service").path("spec").path("replicas").asInt())
			.isGreaterThanOrEqualTo(2);
		// The same group id in every pod of a service: spring.kafka.consumer.group-id is
		// fixed.
		assertThat(Files.readString(ROOT.resolve("balance-service/src/main/resources/application.yml")))
			.contains("group-id: balance-service");
	}

	@Test
	void kafkaAndPostgresAreExternalAndEveryConfigKeyAPodReadsExists() {
		List<JsonNode> docs = resources(BASE);
		for (String external : List.of("kafka", "postgres")) {
			assertThat(named(docs, "Service", external).path("spec").path("type").asText()).as(external)
				.isEqualTo("ExternalName");
		}
		List<String> problems = new ArrayList<>();
		for (JsonNode deployment : ofKind(docs, "Deployment")) {
			String name = deployment.path("metadata").path("name").asText();
			env(deployment).forEach((variable, entry) -> {
				JsonNode from = entry.path("valueFrom");
				for (String[] ref : List.of(new String[] { "configMapKeyRef", "ConfigMap" },
						new String[] { "secretKeyRef", "Secret" })) {
					JsonNode key = from.path(ref[0]);
					if (key.isMissingNode()) {
						continue;
					}
					JsonNode source = named(docs, ref[1], key.path("name").asText());
					JsonNode data = (source == null) ? null
							: source.has("stringData") ? source.path("stringData") : source.path("data");
					if (data == null || !data.has(key.path("key").asText())) {
						problems.add(name + ": " + variable + " reads a missing " + ref[1] + " key " + key);
					}
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void secretsHoldPlaceholdersOnly() {
		List<String> problems = new ArrayList<>();
		for (JsonNode secret : ofKind(resources(BASE), "Secret")) {
			secret.path("stringData").properties().forEach((entry) -> {
				String key = entry.getKey();
				boolean identifier = key.equals("name") || key.endsWith("_USER") || key.endsWith("_USERNAME");
				if (!identifier && !"change-me".equals(entry.getValue().asText())) {
					problems.add(secret.path("metadata").path("name").asText() + "." + key + " is not a placeholder");
				}
			});
			if (secret.has("data")) {
				problems.add(secret.path("metadata").path("name").asText() + " has base64 data: use placeholders");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void servicesAreGivenOnlyEnvironmentVariablesTheyRead() throws IOException {
		String sharedDefaults = Files
			.readString(ROOT.resolve("service-support/src/main/resources/qube-prepaid-service-defaults.yml"));
		Map<String, Set<String>> unread = new LinkedHashMap<>();
		for (JsonNode deployment : ofKind(resources(BASE), "Deployment")) {
			String name = deployment.path("metadata").path("name").asText();
			String module = name.startsWith("poller-key-") ? "poller-service" : name;
			String config = Files.readString(ROOT.resolve(module + "/src/main/resources/application.yml"))
					+ sharedDefaults;
			for (String variable : env(deployment).keySet()) {
				// QUBE_KEYS_0_* bind qube.keys[0].* directly (Spring's relaxed binding).
				boolean relaxed = variable.startsWith("QUBE_KEYS_0_");
				if (!relaxed && !config.contains("${" + variable + ":") && !config.contains("${" + variable + "}")) {
					unread.computeIfAbsent(name, (n) -> new TreeSet<>()).add(variable);
				}
			}
		}
		assertThat(unread).as("environment variables no configuration reads").isEmpty();
	}

	@Test
	void kubectlRendersTheBaseAndTheDevOverlayWithEveryDeployment() throws Exception {
		assumeTrue(DashboardsTest.onPath("kubectl"), "kubectl is not installed; the YAML checks above still ran");
		Set<String> deployments = new TreeSet<>();
		ofKind(resources(BASE), "Deployment").forEach((d) -> deployments.add(d.path("metadata").path("name").asText()));
		for (Path kustomization : List.of(BASE, DEV)) {
			Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("kubectl kustomize " + kustomization + ":\n" + output).isZero();
			Set<String> rendered = new TreeSet<>();
			for (Object document : new Yaml().loadAll(output)) {
				JsonNode node = this.json.valueToTree(document);
				if ("Deployment".equals(node.path("kind").asText())) {
					rendered.add(node.path("metadata").path("name").asText());
					assertThat(node.path("metadata").path("namespace").asText()).isEqualTo("qube-prepaid");
				}
			}
			assertThat(rendered).as(kustomization + " renders every Deployment").isEqualTo(deployments);
		}
	}

	/** The documents of a kustomization's resources, recursively (files must exist). */
	private List<JsonNode> resources(Path dir) {
		Path file = dir.resolve("kustomization.yaml");
		assertThat(file).as("kustomization in " + ROOT.relativize(dir)).isRegularFile();
		JsonNode kustomization = readAll(file).get(0);
		List<JsonNode> docs = new ArrayList<>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = dir.resolve(resource.asText()).normalize();
			assertThat(path).as(ROOT.relativize(file) + " resource " + resource.asText()).exists();
			if (Files.isDirectory(path)) {
				docs.addAll(resources(path));
			}
			else {
				docs.addAll(readAll(path));
			}
		}
		for (JsonNode patch : kustomization.path("patches")) {
			if (patch.has("path")) {
				assertThat(dir.resolve(patch.path("path").asText())).isRegularFile();
			}
		}
		return docs;
	}

	private List<JsonNode> readAll(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			List<JsonNode> docs = new ArrayList<>();
			for (Object document : new Yaml().loadAll(in)) {
				if (document != null) {
					docs.add(this.json.valueToTree(document));
				}
			}
			return docs;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	private static Set<String> kinds(List<JsonNode> docs) {
		Set<String> kinds = new TreeSet<>();
		docs.forEach((doc) -> kinds.add(doc.path("kind").asText()));
		return kinds;
	}

	private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
		return docs.stream().filter((doc) -> kind.equals(doc.path("kind").asText())).toList();
	}

	private static JsonNode named(List<JsonNode> docs, String kind, String name) {
		return ofKind(docs, kind).stream()
			.filter((doc) -> name.equals(doc.path("metadata").path("name").asText()))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, JsonNode> env(JsonNode deployment) {
		Map<String, JsonNode> env = new HashMap<>();
		deployment.path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.get(0)
			.path("env")
			.forEach((entry) -> env.put(entry.path("name").asText(), entry));
		return env;
	}

}
