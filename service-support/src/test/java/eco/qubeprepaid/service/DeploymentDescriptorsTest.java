package eco.qubeprepaid.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker-compose.yml} without a Docker engine: against the Compose
 * Specification's JSON Schema, and for what a schema cannot see: dependencies that exist
 * and are waited for until healthy, a healthcheck and a memory limit on every container,
 * ports on loopback only, environment variables and ports that the services really read,
 * credentials from the environment, images built by the project (its Dockerfile, as a
 * non-root user), mounted files that exist, only the documented profiles, and
 * Alertmanager's delivery to notifier-service with the same password.
 */
class DeploymentDescriptorsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Map<String, Integer> SERVICES = Map.of("poller-service", 8081, "balance-service", 8082,
			"payment-service", 8083, "notifier-service", 8084);

	/** The profiles docker-compose.yml may use (documented at its top). */
	private static final Set<String> PROFILES = Set.of("monitoring");

	private final JsonNode compose = readYaml(ROOT.resolve("docker-compose.yml"));

	private final String composeText = read(ROOT.resolve("docker-compose.yml"));

	@Test
	void composeFileMatchesTheComposeSpecification() throws IOException {
		ObjectNode schemaNode;
		try (InputStream in = Files.newInputStream(ROOT.resolve("deploy/schemas/compose-spec.json"))) {
			schemaNode = (ObjectNode) new ObjectMapper().readTree(in);
		}
		// The schema's relative "$id" (compose_spec.json) is not a valid base URI for the
		// validator; it has no internal references that need it.
		schemaNode.remove("$id");
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
		Set<ValidationMessage> errors = schema.validate(this.compose);
		assertThat(errors).as("schema violations").isEmpty();
	}

	@Test
	void everyDependencyExistsAndEveryServiceHasAHealthcheck() {
		JsonNode services = this.compose.get("services");
		List<String> problems = new ArrayList<>();
		services.properties().forEach((entry) -> {
			String name = entry.getKey();
			JsonNode service = entry.getValue();
			if (!service.has("healthcheck")) {
				problems.add(name + " has no healthcheck");
			}
			JsonNode dependsOn = service.path("depends_on");
			dependsOn.fieldNames().forEachRemaining((target) -> {
				if (!services.has(target)) {
					problems.add(name + " depends on missing service " + target);
				}
				if (!"service_healthy".equals(dependsOn.path(target).path("condition").asText())) {
					problems.add(name + " should wait for " + target + " to be healthy");
				}
			});
		});
		assertThat(problems).isEmpty();
		assertThat(services.has("kafka")).isTrue();
		assertThat(services.has("postgres")).isTrue();
		assertThat(services.has("sandbox")).isTrue();
	}

	@Test
	void servicesAreGivenOnlyEnvironmentVariablesTheyReadAndPublishTheirOwnPort() throws IOException {
		String sharedDefaults = Files
			.readString(ROOT.resolve("service-support/src/main/resources/qube-prepaid-service-defaults.yml"));
		for (Map.Entry<String, Integer> entry : SERVICES.entrySet()) {
			String name = entry.getKey();
			JsonNode service = this.compose.path("services").path(name);
			assertThat(service.isMissingNode()).as(name + " in docker-compose.yml").isFalse();
			String config = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"))
					+ sharedDefaults;
			Set<String> unread = new TreeSet<>();
			service.path("environment").fieldNames().forEachRemaining((variable) -> {
				if (!config.contains("${" + variable + ":") && !config.contains("${" + variable + "}")) {
					unread.add(variable);
				}
			});
			assertThat(unread).as(name + ": environment variables no configuration reads").isEmpty();
			int port = entry.getValue();
			assertThat(service.path("environment").path("PORT").asText()).isEqualTo(Integer.toString(port));
			assertThat(config).contains("${PORT:" + port + "}");
			assertThat(service.path("ports").get(0).asText()).isEqualTo("127.0.0.1:" + port + ":" + port);
			assertThat(service.path("image").asText()).isEqualTo("qube-prepaid/" + name + ":dev");
			assertThat(service.path("build").path("args").path("MODULE").asText()).isEqualTo(name);
		}
	}

	@Test
	void everyContainerHasAHealthcheckAMemoryLimitAndPortsOnLoopbackOnly() {
		List<String> problems = new ArrayList<>();
		this.compose.path("services").properties().forEach((entry) -> {
			String name = entry.getKey();
			JsonNode service = entry.getValue();
			if (!service.path("healthcheck").path("test").isArray()) {
				problems.add(name + " has no healthcheck test");
			}
			if (service.path("deploy").path("resources").path("limits").path("memory").asText().isBlank()
					&& service.path("mem_limit").asText().isBlank()) {
				problems.add(name + " has no memory limit");
			}
			service.path("ports").forEach((port) -> {
				if (!port.asText().startsWith("127.0.0.1:")) {
					problems.add(name + " publishes " + port.asText() + " beyond 127.0.0.1");
				}
			});
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void imagesAreBuiltByTheProjectFromItsJarsAsANonRootUser() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> built = new TreeSet<>();
		this.compose.path("services").properties().forEach((entry) -> {
			JsonNode build = entry.getValue().path("build");
			if (build.isMissingNode()) {
				return;
			}
			built.add(entry.getKey());
			Path context = ROOT.resolve(build.path("context").asText(".")).normalize();
			Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
			if (!Files.isRegularFile(dockerfile)) {
				problems.add(entry.getKey() + ": no Dockerfile " + dockerfile);
			}
			String module = build.path("args").path("MODULE").asText();
			if (!Files.isRegularFile(context.resolve(module).resolve("pom.xml"))) {
				problems.add(entry.getKey() + ": build arg MODULE=" + module + " is not a module");
			}
			if (!entry.getValue().path("image").asText().startsWith("qube-prepaid/")) {
				problems.add(entry.getKey() + ": a built image is named qube-prepaid/<name>:dev");
			}
		});
		assertThat(problems).isEmpty();
		assertThat(built).containsAll(SERVICES.keySet()).contains("sandbox");
		String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
		assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
			.contains("COPY --chown=qube:qube ${MODULE}/target/${MODULE}-${VERSION}-exec.jar")
			.contains("ARG VERSION=0.1.0-SNAPSHOT")
			.containsPattern("(?m)^USER [1-9][0-9]*")
			.doesNotContainPattern("(?m)^HEALTHCHECK");
		// The build context is the repository: .dockerignore sends only the jars.
		assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**", "!*/target/*-exec.jar");
	}

	@Test
	void everyMountedFileExists() {
		List<String> problems = new ArrayList<>();
		int mounts = 0;
		for (JsonNode service : this.compose.path("services")) {
			for (JsonNode volume : service.path("volumes")) {
				String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
				if (source.startsWith("./")) {
					mounts++;
					if (!Files.exists(ROOT.resolve(source))) {
						problems.add("mounted " + source + " does not exist");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(mounts).as("mounted files and folders").isGreaterThanOrEqualTo(6);
		assertThat(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).isRegularFile();
		assertThat(ROOT.resolve("deploy/grafana/provisioning/dashboards/qube-prepaid.yml")).isRegularFile();
		assertThat(ROOT.resolve("deploy/alertmanager/alertmanager.yml")).isRegularFile();
	}

	@Test
	void onlyTheDocumentedProfilesAndNoDefaultServiceNeedsAnOptionalOne() {
		JsonNode services = this.compose.path("services");
		Set<String> profiled = new TreeSet<>();
		services.properties().forEach((entry) -> entry.getValue().path("profiles").forEach((profile) -> {
			assertThat(PROFILES).as(entry.getKey() + "'s profile").contains(profile.asText());
			profiled.add(entry.getKey());
		}));
		assertThat(profiled).containsExactlyInAnyOrder("prometheus", "alertmanager", "grafana");
		services.properties().forEach((entry) -> {
			if (!profiled.contains(entry.getKey())) {
				entry.getValue()
					.path("depends_on")
					.fieldNames()
					.forEachRemaining((target) -> assertThat(profiled)
						.as(entry.getKey() + " starts without a profile, so cannot need " + target)
						.doesNotContain(target));
			}
		});
		String header = this.composeText.substring(0, this.composeText.indexOf("\nname:"));
		PROFILES.forEach(
				(profile) -> assertThat(header).as("profiles documented at the top").contains("\"" + profile + "\""));
	}

	@Test
	void credentialsComeFromTheEnvironmentWithDevelopmentDefaults() {
		List<String> problems = new ArrayList<>();
		this.compose.path("services")
			.properties()
			.forEach((entry) -> entry.getValue().path("environment").properties().forEach((variable) -> {
				String name = variable.getKey();
				if (name.matches(".*(API_KEY|SECRET|PASSWORD|KEY_ID).*")
						&& !variable.getValue().asText().matches("\\$\\{[A-Z0-9_]+:-[^}]*}")) {
					problems.add(entry.getKey() + ": " + name + " should be ${VAR:-development default}");
				}
			}));
		assertThat(problems).isEmpty();
		JsonNode poller = this.compose.path("services").path("poller-service").path("environment");
		for (String variable : List.of("QP_QUBE_BASE_URL", "QP_QUBE_KEYS_0_API_KEY", "QP_QUBE_KEYS_1_API_KEY")) {
			assertThat(poller.path(variable).asText()).startsWith("${" + variable + ":-");
		}
		JsonNode payment = this.compose.path("services").path("payment-service").path("environment");
		for (String variable : List.of("QP_GATEWAY_URL", "QP_GATEWAY_KEY_ID", "QP_GATEWAY_KEY_SECRET",
				"QP_GATEWAY_WEBHOOK_SECRETS")) {
			assertThat(payment.path(variable).asText()).startsWith("${" + variable + ":-");
		}
	}

	@Test
	void alertmanagerDeliversToTheNotifiersOperatorWebhookWithItsServiceAccount() throws IOException {
		JsonNode alertmanager = readYaml(ROOT.resolve("deploy/alertmanager/alertmanager.yml"));
		JsonNode webhook = alertmanager.path("receivers").get(0).path("webhook_configs").get(0);
		assertThat(webhook.path("url").asText())
			.isEqualTo("http://notifier-service:8084/api/service/alerts/alertmanager");
		JsonNode auth = webhook.path("http_config").path("basic_auth");
		assertThat(auth.path("username").asText()).isEqualTo("svc-alertmanager");
		String password = auth.path("password").asText();
		// The development password is the one of the platform's svc-alertmanager account.
		JsonNode defaults = readYaml(
				ROOT.resolve("service-support/src/main/resources/qube-prepaid-service-defaults.yml"));
		JsonNode account = null;
		for (JsonNode operator : defaults.path("qp").path("platform").path("operators")) {
			if ("svc-alertmanager".equals(operator.path("name").asText())) {
				account = operator;
			}
		}
		assertThat(account).as("the platform's svc-alertmanager account").isNotNull();
		assertThat(account.path("roles").asText()).contains("SERVICE");
		assertThat(BCrypt.checkpw(password, account.path("password").asText().replace("{bcrypt}", "")))
			.as("alertmanager.yml's password matches svc-alertmanager's hash")
			.isTrue();
		// Compose substitutes QP_ALERTMANAGER_PASSWORD (default: the development
		// password).
		JsonNode service = this.compose.path("services").path("alertmanager");
		assertThat(service.path("environment").path("QP_ALERTMANAGER_PASSWORD").asText())
			.isEqualTo("${QP_ALERTMANAGER_PASSWORD:-" + password + "}");
		assertThat(service.path("command").toString()).contains("s|" + password + "|");
	}

	@Test
	void prometheusScrapesEveryService() throws IOException {
		String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
		SERVICES.forEach((name, port) -> assertThat(prometheus).contains(name + ":" + port));
		assertThat(prometheus).contains("metrics_path: /actuator/prometheus");
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

	private static JsonNode readYaml(Path path) {
		// SnakeYAML, like Docker Compose, resolves the "<<" merge keys of YAML anchors.
		try (InputStream in = Files.newInputStream(path)) {
			Object document = new Yaml().load(in);
			return new ObjectMapper().valueToTree(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

}
