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
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker-compose.yml} without a Docker engine: against the Compose
 * Specification's JSON Schema, and for what a schema cannot see: dependencies that exist,
 * a healthcheck on every service, and environment variables and ports that the services
 * really read.
 */
class DeploymentDescriptorsTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Map<String, Integer> SERVICES = Map.of("poller-service", 8081, "balance-service", 8082,
			"payment-service", 8083, "notifier-service", 8084);

	private final JsonNode compose = readYaml(ROOT.resolve("docker-compose.yml"));

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
			assertThat(service.path("volumes").get(0).asText()).startsWith("./" + name + "/target:");
			assertThat(service.path("command").toString()).contains("/app/" + name + "-");
		}
	}

	@Test
	void prometheusScrapesEveryService() throws IOException {
		String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
		SERVICES.forEach((name, port) -> assertThat(prometheus).contains(name + ":" + port));
		assertThat(prometheus).contains("metrics_path: /actuator/prometheus");
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
