package eco.qubeprepaid.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Servers from Testcontainers, used when a Docker engine answers. Without Docker the
 * check fails in a fraction of a second and the embedded servers are used instead.
 */
final class DockerServers {

	private static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

	private static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private DockerServers() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // Ryuk stops the containers when the JVM exits.
	static TestServers start() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
		kafka.start();
		postgres.start();
		String adminUrl = postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
		return new TestServers(TestServers.Mode.DOCKER, kafka.getBootstrapServers(),
				new PostgresServer(adminUrl, postgres.getUsername(), postgres.getPassword()));
	}

}
