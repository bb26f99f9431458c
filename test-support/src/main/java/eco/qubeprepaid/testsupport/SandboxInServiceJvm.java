package eco.qubeprepaid.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties that start the sandbox inside a service's test JVM: the service's
 * {@code application.yml} and its database, Kafka, platform and security
 * auto-configuration are on the same classpath, and the sandbox must use none of them, as
 * when it runs alone.
 */
public final class SandboxInServiceJvm {

	/** The auto-configurations a service brings that the sandbox leaves out. */
	public static final String EXCLUDED_AUTO_CONFIGURATION = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
			"eco.qubeprepaid.service.ServicePlatformAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"eco.qubeprepaid.service.security.OperatorSecurityAutoConfiguration");

	private SandboxInServiceJvm() {
	}

	/**
	 * @param configName a configuration file name that exists nowhere, so that no
	 * {@code application.yml} on the classpath is read
	 * @return the sandbox's properties on a random 127.0.0.1 port (add the simulation's
	 * own)
	 */
	public static Map<String, Object> properties(String configName) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", configName);
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.web.resources.add-mappings", "false");
		properties.put("spring.autoconfigure.exclude", EXCLUDED_AUTO_CONFIGURATION);
		return properties;
	}

}
