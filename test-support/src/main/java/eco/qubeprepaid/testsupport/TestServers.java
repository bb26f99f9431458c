package eco.qubeprepaid.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka broker and PostgreSQL server that the tests of one JVM share, chosen
 * once:
 * <ol>
 * <li><b>EXTERNAL</b> when {@code QP_TEST_KAFKA_BOOTSTRAP} and {@code QP_TEST_PG_URL} are
 * set (servers started by {@code .ci/run} or {@code tools/servers.sh});</li>
 * <li><b>DOCKER</b> when a Docker engine answers (Testcontainers);</li>
 * <li><b>EMBEDDED</b> otherwise: an in-JVM KRaft broker and an embedded PostgreSQL, both
 * on 127.0.0.1.</li>
 * </ol>
 * {@code QP_TEST_SERVERS=external|docker|embedded} forces a mode. Every caller gets a
 * fresh database of its own on the shared server.
 */
public final class TestServers {

	/** The environment variable that forces a mode. */
	public static final String MODE_ENV = "QP_TEST_SERVERS";

	/** The environment variable with the external broker's bootstrap servers. */
	public static final String KAFKA_ENV = "QP_TEST_KAFKA_BOOTSTRAP";

	/**
	 * The environment variable with a JDBC URL to the external server's postgres
	 * database.
	 */
	public static final String PG_URL_ENV = "QP_TEST_PG_URL";

	/** The environment variable with the external PostgreSQL user (default postgres). */
	public static final String PG_USER_ENV = "QP_TEST_PG_USER";

	/**
	 * The environment variable with the external PostgreSQL password (default postgres).
	 */
	public static final String PG_PASSWORD_ENV = "QP_TEST_PG_PASSWORD";

	private static final Logger log = LoggerFactory.getLogger(TestServers.class);

	private static volatile TestServers instance;

	private final Mode mode;

	private final String kafkaBootstrapServers;

	private final PostgresServer postgres;

	TestServers(Mode mode, String kafkaBootstrapServers, PostgresServer postgres) {
		this.mode = mode;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.postgres = postgres;
	}

	/**
	 * Returns the servers of this JVM, starting them on first use.
	 * @return the shared servers
	 */
	public static TestServers get() {
		TestServers current = instance;
		if (current == null) {
			synchronized (TestServers.class) {
				current = instance;
				if (current == null) {
					current = start(System.getenv());
					instance = current;
				}
			}
		}
		return current;
	}

	static TestServers start(Map<String, String> env) {
		Instant began = Instant.now();
		Mode mode = chooseMode(env);
		TestServers servers = switch (mode) {
			case EXTERNAL -> new TestServers(mode, env.get(KAFKA_ENV), new PostgresServer(env.get(PG_URL_ENV),
					env.getOrDefault(PG_USER_ENV, "postgres"), env.getOrDefault(PG_PASSWORD_ENV, "postgres")));
			case DOCKER -> DockerServers.start();
			case EMBEDDED -> startEmbedded();
		};
		String banner = String.format(Locale.ROOT,
				"[test-support] mode=%s kafka=%s (cluster %s) postgres=%s (PostgreSQL %s) ready in %d ms", mode,
				servers.kafkaBootstrapServers, servers.kafkaClusterId(), servers.postgres.adminJdbcUrl(),
				servers.postgres.serverVersion(), Duration.between(began, Instant.now()).toMillis());
		log.info(banner);
		System.out.println(banner);
		return servers;
	}

	private static Mode chooseMode(Map<String, String> env) {
		String forced = env.get(MODE_ENV);
		if (forced != null && !forced.isBlank()) {
			return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
		}
		if (env.get(KAFKA_ENV) != null && env.get(PG_URL_ENV) != null) {
			return Mode.EXTERNAL;
		}
		return DockerServers.dockerAvailable() ? Mode.DOCKER : Mode.EMBEDDED;
	}

	private static TestServers startEmbedded() {
		LocalKafka kafka = LocalKafka.startTemporary();
		LocalPostgres postgres = LocalPostgres.startTemporaryForTests();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			kafka.close();
			postgres.close();
		}, "test-servers-shutdown"));
		return new TestServers(Mode.EMBEDDED, kafka.bootstrapServers(), postgres.server());
	}

	/**
	 * @return how the servers were provided
	 */
	public Mode mode() {
		return this.mode;
	}

	/**
	 * @return the broker's bootstrap servers, {@code 127.0.0.1:port}
	 */
	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	/**
	 * @return the PostgreSQL server
	 */
	public PostgresServer postgres() {
		return this.postgres;
	}

	/**
	 * Asks the broker for its cluster id, proving it is a real, reachable Kafka.
	 * @return the cluster id
	 */
	public String kafkaClusterId() {
		Properties props = new Properties();
		props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaBootstrapServers);
		props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
		try (Admin admin = Admin.create(props)) {
			return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking Kafka for its cluster id", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka at " + this.kafkaBootstrapServers + " does not answer", ex);
		}
	}

	/**
	 * Points a Spring test context at the shared broker and at a fresh database of its
	 * own.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 * @param databasePrefix a readable prefix for the new database, such as the module
	 * name
	 */
	public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
		TestServers servers = get();
		PostgresServer.Database database = servers.postgres().createDatabase(databasePrefix);
		registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrapServers);
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	/** How the servers were provided. */
	public enum Mode {

		/** Started outside the test JVM, addresses in environment variables. */
		EXTERNAL,
		/** Testcontainers, when a Docker engine answers. */
		DOCKER,
		/** Inside the test JVM, on 127.0.0.1. */
		EMBEDDED

	}

}
